package server_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// draftSent is the mark app.js reads to forget the reply's draft.
var draftSent = regexp.MustCompile(`<form[^>]*data-draft="ticket-[0-9]+-[0-9]+"[^>]*data-draft-sent`)

// TestTicketReplyRecipients: the flash after a staff reply says whom it reached. A
// reply on a ticket of an archived company goes to its contacts like to contacts
// without portal access (no portal link), the page says the company is archived; a
// contact without access gets the same mail; with nobody to mail, the flash says so.
// The page after a sent reply or note carries data-draft-sent, any other page not.
func TestTicketReplyRecipients(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		reply := func(id int64, kind, body string) string {
			t.Helper()
			r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": kind, "body": body})
			if r.Status != 303 {
				t.Fatalf("reply on %d: %d %.300s", id, r.Status, r.Body)
			}
			return h.staffC.Get(r.Location).Body
		}

		// An ordinary reply: mailed, said as before.
		clara := h.open(t, h.beta, h.clara, "Beta fragt")
		page := reply(clara, "reply", "Hallo Clara")
		if !strings.Contains(page, "Ihre Antwort wurde gespeichert und dem Kunden gemailt.") || !draftSent.MatchString(page) {
			t.Errorf("ordinary reply: %q, draft sent %v", flashOf(page), draftSent.MatchString(page))
		}
		if again := h.staffC.Get("/admin/tickets/" + itoa64(clara)).Body; draftSent.MatchString(again) ||
			!strings.Contains(again, `data-draft="ticket-`+itoa64(clara)+`-`+itoa64(h.admin.ID)+`"`) {
			t.Error("a plain visit marks the draft as sent, or the form keeps no draft")
		}

		// Archived: mailed without the portal's link, and the page and flash say why.
		anna := h.open(t, h.acme, h.anna, "Drucker streikt")
		if err := company.Archive(ctx, h.env.DB, h.ten.ID, h.acme.ID, h.admin.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		before := len(mailsFor(t, h.env, anna))
		page = reply(anna, "reply", "Wir kümmern uns")
		if !strings.Contains(page, "ohne Link zum Portal gemailt, da die Firma archiviert ist") {
			t.Errorf("archived flash: %q", flashOf(page))
		}
		if !strings.Contains(page, `id="company-archived"`) || !strings.Contains(page, "Firma archiviert.") {
			t.Error("the ticket page does not say the company is archived")
		}
		mails := mailsFor(t, h.env, anna)
		if len(mails) != before+1 {
			t.Fatalf("%d mails about the reply, want 1", len(mails)-before)
		}
		if m := mails[len(mails)-1]; !strings.Contains(m, "To: anna@acme.test") || !strings.Contains(m, "Wir kümmern uns") ||
			strings.Contains(m, "/tickets/"+itoa64(anna)) {
			t.Errorf("archived company's mail:\n%.600s", m)
		}
		// A note there mails nobody and says so as before.
		if page = reply(anna, "note", "Intern"); !strings.Contains(page, "Ihre interne Notiz wurde gespeichert") || !draftSent.MatchString(page) {
			t.Errorf("note: %q", flashOf(page))
		}
		if err := company.Restore(ctx, h.env.DB, h.ten.ID, h.acme.ID); err != nil {
			t.Fatal(err)
		}

		// Without portal access: the same mail, said so.
		bernd := h.open(t, h.acme, h.bernd, "Bernds Frage")
		h.env.DB.Exec(ctx, `UPDATE memberships SET access = 'none' WHERE contact_id = ? AND company_id = ?`, h.bernd.ID, h.acme.ID)
		if page = reply(bernd, "reply", "Antwort an Bernd"); !strings.Contains(page, "da er keinen Portalzugang hat") {
			t.Errorf("no-portal flash: %q", flashOf(page))
		}
		// Revoked: nobody is mailed, and the flash says so instead of "emailed".
		h.env.DB.Exec(ctx, `UPDATE memberships SET access = 'revoked' WHERE contact_id = ? AND company_id = ?`, h.bernd.ID, h.acme.ID)
		before = len(mailsFor(t, h.env, bernd))
		if page = reply(bernd, "reply", "Noch eine Antwort"); !strings.Contains(page, "aber niemandem gemailt") ||
			strings.Contains(page, "dem Kunden gemailt.") || !draftSent.MatchString(page) {
			t.Errorf("nobody flash: %q", flashOf(page))
		}
		if n := len(mailsFor(t, h.env, bernd)); n != before {
			t.Errorf("revoked contact mailed: %d", n-before)
		}
		// Mails turned off: nobody either.
		h.env.DB.Exec(ctx, `UPDATE contacts SET notify_own = FALSE WHERE id = ?`, h.clara.ID)
		if page = reply(clara, "reply", "Ohne Mail"); !strings.Contains(page, "aber niemandem gemailt") {
			t.Errorf("notify off flash: %q", flashOf(page))
		}

		// A refused reply keeps its text and is no sent draft.
		r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(clara)+"/reply", map[string]string{"kind": "reply", "body": "", "status": "x"})
		if r.Status != 422 || draftSent.MatchString(r.Body) {
			t.Errorf("refused reply: %d, draft sent %v", r.Status, draftSent.MatchString(r.Body))
		}
	})
}

// TestTicketPageKeyboardAndConfirm: "Send" is marked for Ctrl+Enter (app.js), and a
// logged time entry is deleted only after a confirmation.
func TestTicketPageKeyboardAndConfirm(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Zeit")
		r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "note", "body": "Vor Ort", "time": "15"})
		if r.Status != 303 {
			t.Fatalf("note with time: %d %.300s", r.Status, r.Body)
		}
		page := h.staffC.Get("/admin/tickets/" + itoa64(id)).Body
		if !regexp.MustCompile(`<button class="btn primary" type="submit" data-send aria-keyshortcuts="Control\+Enter Meta\+Enter">`).MatchString(page) {
			t.Error("the send button is not marked for Ctrl+Enter")
		}
		if !regexp.MustCompile(`<form method="post" action="/admin/tickets/[0-9]+/time/[0-9]+/delete" data-confirm="Diesen Zeiteintrag löschen\?`).MatchString(page) {
			t.Error("deleting a time entry asks nothing")
		}
	})
}
