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
// returned form (ticket_kept.go). The reopen card of a done ticket posts here too
// (reopen=1), its message optional: without one it only reopens the ticket, with one
// staff read why in the same step. Sent twice, it reopens once and posts the message
// once (ticket_lock.go). The same reply sent again within a moment (two tabs, a
// request sent again) is not posted a second time (ticket/repeat.go): the page says it
// was sent already.
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
	// Only the forms of a done ticket send reopen=1 (the reopen card, the unsent reply's
	// form). Their message is optional even when the ticket is open by now: the same
	// card sent twice finds it reopened by the first, and nothing is missing.
	card := f.Get("reopen") == "1"
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
		if body == "" && !web.FilesSent(f, kept, ups) && !card {
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
	reopened, repeated, sentTwice := false, false, false
	err = p.env.DB.InTx(ctx, func(tx *db.Tx) error {
		// t stays as loaded, for the page if this fails; what this request does is
		// decided on the ticket as it is now, its row locked (ticket_lock.go).
		tk, err := lockedTicket(ctx, tx, v.P, t.ID)
		if err != nil {
			return err
		}
		// The kept files move into the reply: their rows go, their files stay.
		taken, err := ticket.TakeStaged(ctx, tx, o, ticket.StagedIDs(kept))
		if err != nil {
			return err
		}
		raced = len(kept) - len(taken) // taken meanwhile by a second tab
		switch {
		case card && tk.Done():
			// Only the opener and main contacts reopen (ticket_manage.go); the page
			// offers a follower no such form.
			if err := ticket.Reopen(ctx, tx, tk, rules.Reopen && mayManage(v, tk), by, p.env.Now()); err != nil {
				return err
			}
			if tk, err = ticket.ForStaff(ctx, tx, tk.TenantID, tk.ID); err != nil {
				return err
			}
			reopened = true
		case card && len(taken) == 0 && (body != "" || len(ups) > 0):
			// Reopened since the form was shown: by this very form sent a second
			// time, whose message is in already (and its kept files taken with it),
			// or by someone else, and the message is an ordinary reply.
			if repeated, err = repeatedReply(ctx, tx, tk, v.P.ContactID, body, len(ups)); err != nil || repeated {
				return err
			}
		}
		reply := ticket.Reply{ContactID: v.P.ContactID, Author: by.Name, Body: body, Files: append(ticket.StagedUploads(taken), ups...),
			FromForm: true}
		if len(reply.Files) == 0 && body == "" {
			// Nothing to post: a reopen card without a message (reopened here, or
			// found open, sent twice), or a reply of kept files alone that another tab
			// sent meanwhile.
			if !reopened {
				return nil
			}
			return p.statusMail(r, v, tx, tk, "", by)
		}
		if _, err := ticket.AddReply(ctx, tx, tk, reply, p.env.Now()); err != nil {
			if !errorIs(err, ticket.ErrRepeated) {
				return err
			}
			// Posted and mailed by the first copy a moment ago. A ticket reopened by
			// this one stays reopened and says so, as without a message.
			sentTwice = true
			if !reopened {
				return nil
			}
			return p.statusMail(r, v, tx, tk, "", by)
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
	if repeated {
		// The first submit posted the message with its files: this one's copies go,
		// and its kept files were not lost but sent by the first.
		p.env.DeleteUploads(ups)
		raced = 0
	}
	p.env.WakeWorker()
	if sentTwice {
		// A copy with files is no repeat: listed kept files it lacked went with the first.
		p.env.Flash(w, r, "repeat.message_sent", ticketURL(t.ID, "#latest"))
		return
	}
	msg := "tickets.replied"
	switch {
	case body == "" && !web.FilesSent(f, kept, ups):
		msg = "tickets.reopened"
	case reopened || repeated:
		msg = "portalpolish.reopened_replied"
	}
	keptFlash(p.env, w, r, ticketURL(t.ID, "#latest"), msg, missing+raced)
}
