package admin

import (
	"net/http"

	"pforte/internal/inbox"
	"pforte/internal/ticketmail"
	"pforte/internal/web"
)

// inboxAttach adds a mail item to an existing ticket named by its number ("#12" or
// "12"): the sender's reply when they may write into it, else an internal note. As
// with the merge, the first POST only checks the number and names the ticket (number,
// subject, company, reply or note) to confirm; the second (confirm=1) adds the mail.
// A mistyped number thus shows a stranger's ticket before their mail lands in it.
func (a *Admin) inboxAttach(w http.ResponseWriter, r *http.Request, v *visit) {
	id, f, ok := a.inboxForm(w, r, v)
	if !ok {
		return
	}
	var ticketID int64
	var err error
	if f.Err == "" {
		if n, ok := ticketNumber(f.Get("ticket_id")); !ok {
			f.Errors.Add("ticket_id", "inbox_actions.error.ticket_number", nil)
		} else if f.Get("confirm") != "1" {
			if a.inboxAttachConfirm(w, r, v, id, n, &err) {
				return
			}
		} else {
			ticketID = n
			err = ticketmail.AttachFromInbox(r.Context(), a.env.DB, v.Tenant, id, n, a.env.Origin(r), v.sorter(r, a.env), a.env.Now())
		}
	}
	a.inboxAnswer(w, r, v, id, &f, err, "inbox_actions.attached", ticketPath(ticketID))
}

// inboxAttachConfirm shows the confirmation for adding mail item id to ticket n and
// reports whether it answered; when the ticket is refused (no such ticket, billed, the
// item handled meanwhile), it leaves the reason in *err for inboxAnswer.
func (a *Admin) inboxAttachConfirm(w http.ResponseWriter, r *http.Request, v *visit, id, n int64, err *error) bool {
	ctx := r.Context()
	at, e := ticketmail.PreviewAttach(ctx, a.env.DB, v.P.TenantID, id, n)
	if e != nil {
		*err = e
		return false
	}
	it, e := inbox.Get(ctx, a.env.DB, v.P.TenantID, id)
	var p inbox.MailPayload
	if e == nil {
		e = it.Decode(&p)
	}
	if e != nil {
		a.env.Fail(w, r, e)
		return true
	}
	web.Render(w, r, http.StatusOK, inboxAttachConfirmPage(v.chrome(r, "backoffice_qa.attach_confirm_title"), it, p, at))
	return true
}
