package portal

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketCreate opens a ticket for the active company. Files are stored first; when the
// form is refused for bad input they are kept for the returned form (ticket_kept.go),
// when the transaction fails they are deleted again. The same ticket sent again within
// a moment (two tabs, a request sent again) opens no second one (ticket/repeat.go): the
// contact lands on the first, told it was sent already.
func (p *Portal) ticketCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	rules, err := tenant.GetTicketRules(ctx, p.env.DB, v.P.TenantID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	f := web.ParseMultipart(w, r, rules.UploadLimit())
	n := ticket.New{TenantID: v.P.TenantID, CompanyID: v.P.CompanyID, ContactID: v.P.ContactID, Author: v.Contact.Name(),
		// Title, location and device are one line by nature; a title's line breaks would
		// otherwise reach mail subjects and lists as they were typed.
		Title: validate.OneLine(f.Get("title")), Body: f.Get("body"),
		Location: validate.OneLine(f.Get("location")), Asset: validate.OneLine(f.Get("asset")), FromForm: true}
	n.Priority, _ = strconv.Atoi(f.Get("priority"))
	var badCategory bool
	if c := f.Get("category"); c != "" {
		// Anything but a number is a field error, not "no category": the form only
		// offers the list, so a wrong value is worth saying rather than dropping.
		n.CategoryID, err = strconv.ParseInt(c, 10, 64)
		badCategory = err != nil || n.CategoryID <= 0
	}
	o := keptOwner(v, 0)
	var ups []web.Upload
	var kept []ticket.Staged
	var missing, raced int // listed kept files no longer kept: swept, sent already
	if f.Err == "" {
		checkTicket(ctx, p.env.DB, v.P.TenantID, &f, n)
		if badCategory {
			f.Errors.Add("category", "tickets.error.category", nil)
		}
		if kept, missing, err = p.env.KeptFiles(ctx, o, &f); err != nil {
			p.env.Fail(w, r, err)
			return
		}
		ups = p.env.SaveUploads(r, &f, "files", rules.UploadLimit())
		web.CheckKeptLimits(&f, kept, ups, rules.UploadLimit())
	}
	if f.Invalid() {
		if err := p.env.KeepRefused(ctx, o, &f, kept, ups); err != nil {
			p.env.Fail(w, r, err)
			return
		}
		p.renderTicketNew(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	var id int64
	var mine contact.Notifications
	err = p.env.DB.InTx(ctx, func(tx *db.Tx) error {
		// The kept files move into the ticket: their rows go, their files stay.
		taken, err := ticket.TakeStaged(ctx, tx, o, ticket.StagedIDs(kept))
		if err != nil {
			return err
		}
		raced = len(kept) - len(taken) // taken meanwhile by a second tab
		n.Files = append(ticket.StagedUploads(taken), ups...)
		if id, err = ticket.Create(ctx, tx, n, p.env.Now()); err != nil {
			return err
		}
		// The confirmation goes out under "mail about my own tickets": the thanks must
		// not promise a mail to a contact who switched those off.
		if mine, err = contact.GetNotifications(ctx, tx, v.P.TenantID, v.P.ContactID); err != nil {
			return err
		}
		t, err := ticket.ForStaff(ctx, tx, v.P.TenantID, id)
		if err != nil {
			return err
		}
		nt, err := ticket.NewNotifier(ctx, tx, v.Tenant, p.env.Origin(r), p.env.Now())
		if err != nil {
			return err
		}
		// Its mails name the files: staff see at once that a screenshot came with it.
		return nt.WithFiles(n.Files).Created(ctx, tx, t, n)
	})
	var first *ticket.RepeatedError
	if errors.As(err, &first) {
		p.env.DeleteUploads(ups)
		p.env.Flash(w, r, "repeat.ticket_sent", ticketURL(first.TicketID, ""))
		return
	}
	if err != nil {
		p.env.DeleteUploads(ups)
		p.env.Fail(w, r, err)
		return
	}
	p.env.WakeWorker()
	msg := "tickets.created"
	if !mine.Own {
		msg = "qa_portal.ticket_created_no_mail"
	}
	keptFlash(p.env, w, r, ticketURL(id, ""), msg, missing+raced)
}

// checkTicket validates the new ticket's fields into f.
func checkTicket(ctx context.Context, q db.Querier, tenantID int64, f *web.Form, n ticket.New) {
	f.Errors.Text("title", n.Title, true, maxTitle)
	f.Errors.Text("body", n.Body, true, maxBody)
	f.Errors.Text("location", n.Location, false, maxShort)
	f.Errors.Text("asset", n.Asset, false, maxShort)
	if n.Priority < ticket.PriorityLow || n.Priority > ticket.PriorityUrgent {
		f.Errors.Add("priority", "tickets.error.priority", nil)
	}
	if n.CategoryID != 0 {
		cats, err := ticket.Categories(ctx, q, tenantID, true)
		found := false
		for _, c := range cats {
			found = found || c.ID == n.CategoryID
		}
		if err != nil || !found {
			f.Errors.Add("category", "tickets.error.category", nil)
		}
	}
}
