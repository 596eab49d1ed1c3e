package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/inbox"
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
	if f.Err == "" {
		n, err := strconv.ParseInt(strings.TrimPrefix(f.Get("ticket_id"), "#"), 10, 64)
		if err != nil || n <= 0 {
			f.Errors.Add("ticket_id", "inbox_actions.error.ticket_number", nil)
		} else {
			ticketID = n
			err = ticketmail.AttachFromInbox(r.Context(), a.env.DB, v.Tenant, id, n, a.env.Origin(r), v.sorter(r, a.env), a.env.Now())
			switch {
			case errors.Is(err, inbox.ErrHandled):
				a.env.Flash(w, r, a.handledMessage(r, v, id), "/admin/inbox/"+itoa(id))
				return
			case err != nil && !f.Take(err):
				a.env.Fail(w, r, err)
				return
			}
		}
	}
	if f.Invalid() {
		a.renderInboxItem(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.WakeWorker()
	a.env.Flash(w, r, "inbox_actions.attached", ticketPath(ticketID))
}
