package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketCreatedPromisesMailOnlyWhenSent: the thanks for a new ticket say a
// confirmation was mailed only when one was. A contact who switched off mail about
// their own tickets gets none (the confirmation is one of those mails) and is told so,
// instead of waiting for a mail that never comes.
func TestTicketCreatedPromisesMailOnlyWhenSent(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "anna@kunde.test", "anna-password-1", "user", co)
		c := env.Client("")
		c.Login("anna@kunde.test", "anna-password-1")
		mailsTo := func() int {
			var n int
			if err := env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, "anna@kunde.test").Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		open := func(title string) string {
			t.Helper()
			r := c.PostMultipart("/tickets", map[string]string{"title": title, "body": "Bitte helfen.", "priority": "2"})
			if r.Status != 303 {
				t.Fatalf("open %q: %d", title, r.Status)
			}
			return c.Get(r.Location).Body
		}

		before := mailsTo()
		if page := open("Mit Bestätigung"); !strings.Contains(page, "Sie haben eine Bestätigung per E-Mail erhalten.") {
			t.Errorf("notifications on: the thanks do not mention the confirmation")
		}
		if mailsTo() != before+1 {
			t.Fatalf("notifications on: no confirmation queued")
		}

		if err := contact.SetNotifications(ctx, env.DB, ten.ID, ct.ID, contact.Notifications{Followed: true}); err != nil {
			t.Fatal(err)
		}
		before = mailsTo()
		page := open("Ohne Bestätigung")
		if strings.Contains(page, "Sie haben eine Bestätigung per E-Mail erhalten.") ||
			!strings.Contains(page, "Eine Bestätigung per E-Mail erhalten Sie nicht") {
			t.Errorf("notifications off: the thanks promise a mail that is not sent")
		}
		if mailsTo() != before {
			t.Errorf("notifications off: a confirmation was queued after all")
		}
	})
}
