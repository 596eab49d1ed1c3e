package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// maxTicketBody bounds one message; longer text belongs in an attachment.
const maxTicketBody = 20000

// ticketReply adds a public reply (mailed to the contact and followers) or an internal
// note (mailed to nobody, never shown in the portal), with attachments up to the
// tenant's limit and an optional status change, all in one transaction. The same
// reply or note sent again within a moment (two tabs, a request sent again) changes
// nothing (ticket/repeat.go): the page says it was sent already.
func (a *Admin) ticketReply(w http.ResponseWriter, r *http.Request, v *visit) {
	shown, rules, f, ok := a.replyForm(w, r, v)
	if !ok {
		return
	}
	id := shown.ID // the transaction reads the ticket again: others may change it meanwhile
	ctx := r.Context()
	body := strings.TrimSpace(strings.ReplaceAll(f.Raw("body"), "\r\n", "\n"))
	internal := f.Get("kind") == "note"
	var statusID int64
	var minutes int
	var ups []web.Upload
	var staged []ticket.Staged // files kept from a refused send (web/kept_files.go)
	var missing, raced int     // listed staged files no longer kept: swept, sent already
	var mailed ticket.Mailed   // who the reply reached, for a flash that tells the truth
	var archived bool          // the ticket's company is archived (ticket_reply_flash.go)
	o := stagedOwner(v, id)
	if k := f.Get("kind"); f.Err == "" && k != "" && k != "reply" && k != "note" {
		// Only a tampered form sends another kind; guessing "public" could mail a
		// customer what was meant as a note.
		f.Err = "tickets_admin.error.reply_kind"
	}
	if f.Err == "" {
		if s := f.Get("status"); s != "" {
			var err error
			if statusID, err = strconv.ParseInt(s, 10, 64); err != nil || statusID <= 0 {
				f.Errors.Add("status", "tickets_admin.error.status", nil)
			}
		}
		minutes = durationField(f, "time", false) // time spent, optional (ticket_time.go)
		var err error
		if staged, missing, err = a.env.KeptFiles(ctx, o, &f); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		ups = a.env.SaveUploads(r, &f, "files", rules.UploadLimit())
		web.CheckKeptLimits(&f, staged, ups, rules.UploadLimit())
		// Files alone are a reply or a note; without any, the text is what is sent.
		if body == "" && !web.FilesSent(f, staged, ups) {
			f.Errors.Add("body", "portal_qa.reply_empty", nil)
		}
		f.Errors.Text("body", body, false, maxTicketBody)
	}
	if !f.Invalid() && !internal && f.Get("signature") == "1" { // notes are never signed
		sig, err := staff.Signature(ctx, a.env.DB, v.P.TenantID, v.Member.ID)
		if err != nil {
			a.env.DeleteUploads(ups)
			a.env.Fail(w, r, err)
			return
		}
		body = strings.TrimSpace(staff.Signed(body, sig)) // no blank lines above it when files are all
	}
	if !f.Invalid() {
		on := staleMessages // a new status in the same step also minds status changes of others
		if statusID != 0 {
			on |= staleStatus
		}
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			if err := checkStale(ctx, tx, t, f, v.Member.ID, on); err != nil {
				return err
			}
			// The staged files move into the reply: their rows go, their files stay.
			taken, err := ticket.TakeStaged(ctx, tx, o, ticket.StagedIDs(staged))
			if err != nil {
				return err
			}
			raced = len(staged) - len(taken) // taken meanwhile by a second tab
			reply := ticket.Reply{StaffID: v.Member.ID, Author: v.Member.Name, Internal: internal, Body: body,
				Via: "staff", Files: append(ticket.StagedUploads(taken), ups...), FromForm: true}
			msgID, err := ticket.AddReply(ctx, tx, t, reply, c.Now)
			if err != nil {
				return err
			}
			if err := addReplyTime(ctx, tx, t, v, f, minutes, msgID, c); err != nil {
				return err
			}
			if archived, err = companyArchived(ctx, tx, t); err != nil {
				return err
			}
			c.N = c.N.Counting(&mailed)
			to, moved, err := setStatus(ctx, tx, t, statusID, c)
			switch {
			case err != nil:
				return err
			case internal && moved: // a note stays among staff; the new status is public
				return c.N.StatusChanged(ctx, tx, t, to, c.By)
			case internal:
				return nil
			case moved: // one mail for the answer and its status, not two
				return c.N.WithFiles(reply.Files).RepliedWithStatus(ctx, tx, t, body, to, c.By)
			default:
				return c.N.WithFiles(reply.Files).Replied(ctx, tx, t, body, c.By)
			}
		})
		if errors.Is(err, ticket.ErrRepeated) { // the first copy posted it with its status and time; this one changes nothing
			a.env.DeleteUploads(ups)
			a.env.Flash(w, r, flashRepeated, ticketPath(id))
			return
		}
		var se *staleError
		if errors.As(err, &se) { // keep the new files for "Send anyway"
			if serr := a.env.KeepRefused(ctx, o, &f, staged, ups); serr != nil {
				a.env.Fail(w, r, serr)
				return
			}
		}
		if a.staleAnswer(w, r, v, err, ticketForms{Reply: f}, "reply", len(staged)+len(ups) > 0) {
			return
		}
		msg := replyFlash(internal, archived, mailed)
		if err == nil && missing+raced > 0 {
			a.env.WakeWorker()
			a.env.FlashParts(w, r, ticketPath(id), web.FlashPart{ID: msg}, web.FlashPart{ID: "staged_uploads.not_sent", Count: missing + raced})
			return
		}
		if a.afterChange(w, r, id, err, &f, msg) {
			if err != nil { // not sent: a flash or the error page, no form to list them
				a.env.DeleteUploads(ups)
			}
			return
		}
	}
	// Refused for bad input: the new files are kept too, listed with the ones the form
	// had, unless they are the trouble themselves (their field error says so).
	if err := a.env.KeepRefused(ctx, o, &f, staged, ups); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.renderTicket(w, r, v, ticketForms{Reply: f}, http.StatusUnprocessableEntity)
}

// setStatusAndNotify moves the ticket to statusID (0: leave it) and tells the contact
// and followers the new status.
func setStatusAndNotify(ctx context.Context, tx *db.Tx, t ticket.Ticket, statusID int64, c change) error {
	to, moved, err := setStatus(ctx, tx, t, statusID, c)
	if err != nil || !moved {
		return err
	}
	return c.N.StatusChanged(ctx, tx, t, to, c.By)
}

// setStatus moves the ticket to statusID and reports whether it moved: 0 or the
// status it has already leave it where it is. A status the tenant does not have (a
// hand-edited form, or one deleted meanwhile) is a field error at the status, not a
// missing ticket: the ticket page comes back with the form as typed.
func setStatus(ctx context.Context, tx *db.Tx, t ticket.Ticket, statusID int64, c change) (ticket.Status, bool, error) {
	if statusID == 0 || statusID == t.Status.ID {
		return t.Status, false, nil
	}
	to, err := ticket.SetStatus(ctx, tx, t, statusID, c.By, c.Now)
	if errors.Is(err, db.ErrNotFound) {
		return to, false, validate.Errors{"status": {ID: "tickets_admin.error.status"}}
	}
	if errors.Is(err, ticket.ErrUndecided) { // a field error here, a skip in a bulk change
		return to, false, fmt.Errorf("%w: %w", err, validate.Errors{"status": {ID: "qa2_desk.error.request_outcome"}})
	}
	return to, err == nil, err
}

// replyForm reads the path's ticket and the reply form, multipart up to the tenant's
// upload limit (the rules, which the reply needs again for its files). ok is
// false when an answer was written (404 for a malformed id, a missing or another
// tenant's ticket; the error page). The ticket is looked up before the body is read:
// a refused form keeps its files for the ticket (web/kept_files.go), which must be the
// member's tenant's, and a form for none has no files to store at all.
func (a *Admin) replyForm(w http.ResponseWriter, r *http.Request, v *visit) (t ticket.Ticket, rules tenant.TicketRules, f web.Form, ok bool) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return t, rules, f, false
	}
	t, err := ticket.ForStaff(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err) // db.ErrNotFound: the 404 page
		return t, rules, f, false
	}
	if rules, err = tenant.GetTicketRules(r.Context(), a.env.DB, v.P.TenantID); err != nil {
		a.env.Fail(w, r, err)
		return t, rules, f, false
	}
	return t, rules, web.ParseMultipart(w, r, rules.UploadLimit()), true
}
