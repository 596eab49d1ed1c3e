package portal

import (
	"net/http"

	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketFile streams an attachment of a ticket the contact may see; files of internal
// notes do not exist for contacts.
func (p *Portal) ticketFile(w http.ResponseWriter, r *http.Request, v *visit) {
	t, ok := p.loadTicket(w, r, v)
	if !ok {
		return
	}
	id, ok := web.ID(r, "file")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	a, err := ticket.AttachmentOf(r.Context(), p.env.DB, t, id, false)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.ServeFile(w, r, a.Key, a.Filename, a.ContentType, a.CreatedAt)
}
