package admin

import (
	"net/http"

	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketFile streams an attachment of a ticket of the tenant (internal notes' files
// included) as a download: never inline, so an uploaded HTML file cannot run in the
// back office's origin; with the sniffed type, nosniff, and Range support.
func (a *Admin) ticketFile(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	fileID, ok2 := web.ID(r, "file")
	if !ok || !ok2 {
		a.env.NotFound(w, r)
		return
	}
	ctx := r.Context()
	t, err := ticket.ForStaff(ctx, a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	att, err := ticket.AttachmentOf(ctx, a.env.DB, t, fileID, true)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.ServeFile(w, r, att.Key, att.Filename, att.ContentType, att.CreatedAt)
}
