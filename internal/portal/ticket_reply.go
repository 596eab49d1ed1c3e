package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketReply adds the contact's reply (with files) and tells staff and the other
// contacts of the ticket.
func (p *Portal) ticketReply(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	t, ok := p.loadTicket(w, r, v)
	if !ok {
		return
	}
	rules, err := tenant.GetTicketRules(ctx, p.env.DB, v.P.TenantID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	v.Tenant.Rules = rules // the page, if shown again, offers what this request enforced
	f := web.ParseMultipart(w, r, rules.UploadLimit())
	body := f.Get("body")
	if f.Err == "" {
		f.Errors.Text("body", body, true, maxBody)
	}
	var ups []web.Upload
	if !f.Invalid() {
		ups = p.env.SaveUploads(r, &f, "files", rules.UploadLimit())
	}
	if f.Invalid() {
		p.renderTicket(w, r, v, t, f, http.StatusUnprocessableEntity)
		return
	}
	by := ticket.Actor{ContactID: v.P.ContactID, Name: v.Contact.Name()}
	err = p.env.DB.InTx(ctx, func(tx *db.Tx) error {
		tk := t // t stays as loaded, for the page if this fails
		// The form given back after a refused reply sends reopen=1: the contact
		// saw the ticket was done and chose to reopen it with this reply.
		if f.Get("reopen") == "1" && tk.Done() {
			if err := ticket.Reopen(ctx, tx, tk, rules.Reopen, by, p.env.Now()); err != nil {
				return err
			}
			var err error
			if tk, err = ticket.ForStaff(ctx, tx, tk.TenantID, tk.ID); err != nil {
				return err
			}
		}
		reply := ticket.Reply{ContactID: v.P.ContactID, Author: by.Name, Body: body, Files: ups}
		if _, err := ticket.AddReply(ctx, tx, tk, reply, p.env.Now()); err != nil {
			return err
		}
		nt, err := ticket.NewNotifier(ctx, tx, v.Tenant, p.env.Origin(r), p.env.Now())
		if err != nil {
			return err
		}
		return nt.Replied(ctx, tx, tk, body, by)
	})
	if msg := ruleMessage(err); msg != "" {
		// The page shows the typed text again (ticketUnsent); files must be chosen anew.
		p.env.DeleteUploads(ups)
		f.Err = msg
		if errorIs(err, ticket.ErrClosed) {
			f.Err = "tickets.error.closed_unsent"
		}
		p.renderTicket(w, r, v, t, f, http.StatusConflict)
		return
	}
	if err != nil {
		p.env.DeleteUploads(ups)
		p.env.Fail(w, r, err)
		return
	}
	p.env.WakeWorker()
	p.env.Flash(w, r, "tickets.replied", ticketURL(t.ID, "#latest"))
}
