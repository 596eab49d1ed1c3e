package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketReply adds the contact's reply (with files) and tells staff and the other
// contacts of the ticket. Files alone are a reply too (a screenshot says it all); a
// reply needs text only when it brings no file. A reply refused for bad input keeps its files for the
// returned form (ticket_kept.go).
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
	o := keptOwner(v, t.ID)
	var ups []web.Upload
	var kept []ticket.Staged
	var missing, raced int // listed kept files no longer kept: swept, sent already
	if f.Err == "" {
		if kept, missing, err = p.env.KeptFiles(ctx, o, &f); err != nil {
			p.env.Fail(w, r, err)
			return
		}
		ups = p.env.SaveUploads(r, &f, "files", rules.UploadLimit())
		web.CheckKeptLimits(&f, kept, ups, rules.UploadLimit())
		if body == "" && !web.FilesSent(f, kept, ups) {
			f.Errors.Add("body", "portal_qa.reply_empty", nil)
		}
		f.Errors.Text("body", body, false, maxBody)
	}
	if f.Invalid() {
		// Kept for the form shown again, if the page shows one to send them with.
		keep := func() error { return p.env.KeepRefused(ctx, o, &f, kept, ups) }
		if !replyOffered(t, rules) || (t.Done() && !mayManage(v, t)) {
			keep = func() error { return p.env.DropKept(ctx, o, &f, ups) }
		}
		if err := keep(); err != nil {
			p.env.Fail(w, r, err)
			return
		}
		p.renderTicket(w, r, v, t, f, http.StatusUnprocessableEntity)
		return
	}
	by := ticket.Actor{ContactID: v.P.ContactID, Name: v.Contact.Name()}
	err = p.env.DB.InTx(ctx, func(tx *db.Tx) error {
		// The kept files move into the reply: their rows go, their files stay.
		taken, err := ticket.TakeStaged(ctx, tx, o, ticket.StagedIDs(kept))
		if err != nil {
			return err
		}
		raced = len(kept) - len(taken) // taken meanwhile by a second tab
		tk := t                        // t stays as loaded, for the page if this fails
		// The form given back after a refused reply sends reopen=1: the contact
		// saw the ticket was done and chose to reopen it with this reply.
		if f.Get("reopen") == "1" && tk.Done() {
			// Only the opener and main contacts reopen (ticket_manage.go); the page
			// offers a follower no such form.
			if err := ticket.Reopen(ctx, tx, tk, rules.Reopen && mayManage(v, tk), by, p.env.Now()); err != nil {
				return err
			}
			if tk, err = ticket.ForStaff(ctx, tx, tk.TenantID, tk.ID); err != nil {
				return err
			}
		}
		reply := ticket.Reply{ContactID: v.P.ContactID, Author: by.Name, Body: body, Files: append(ticket.StagedUploads(taken), ups...)}
		if _, err := ticket.AddReply(ctx, tx, tk, reply, p.env.Now()); err != nil {
			return err
		}
		nt, err := ticket.NewNotifier(ctx, tx, v.Tenant, p.env.Origin(r), p.env.Now())
		if err != nil {
			return err
		}
		return nt.WithFiles(reply.Files).Replied(ctx, tx, tk, body, by)
	})
	if msg := ruleMessage(err); msg != "" {
		// The page shows the typed text again (ticketUnsent), with the files kept when
		// it is a form that can send them (reopening the ticket); read only, they go,
		// and the page says so.
		keep := func() error { return p.env.KeepRefused(ctx, o, &f, kept, ups) }
		if !reopenable(t, rules) || !mayManage(v, t) {
			keep = func() error { return p.env.DropKept(ctx, o, &f, ups) }
		}
		if serr := keep(); serr != nil {
			p.env.Fail(w, r, serr)
			return
		}
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
	keptFlash(p.env, w, r, ticketURL(t.ID, "#latest"), "tickets.replied", missing+raced)
}
