package admin

import (
	"net/http"

	"pforte/internal/ticketmail"
	"pforte/internal/web"
)

// inboxAttach adds a mail item to an existing ticket named by its number ("#12" or
// "12"): the sender's reply when they may write into it, else an internal note.
func (a *Admin) inboxAttach(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok || !usesHelpdesk(v.Tenant) {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	var ticketID int64
	var err error
	if f.Err == "" {
		if n, ok := ticketNumber(f.Get("ticket_id")); !ok {
			f.Errors.Add("ticket_id", "inbox_actions.error.ticket_number", nil)
		} else {
			ticketID = n
			err = ticketmail.AttachFromInbox(r.Context(), a.env.DB, v.Tenant, id, n, a.env.Origin(r), v.sorter(r, a.env), a.env.Now())
		}
	}
	a.inboxAnswer(w, r, v, id, &f, err, "inbox_actions.attached", ticketPath(ticketID))
}
