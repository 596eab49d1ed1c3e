package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/inbound"
	"pforte/internal/inbox"
	"pforte/internal/mailin"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInboxAutoReplyFiled: an out-of-office reply (Auto-Submitted) lands in the inbox
// filed as done with a note, so "Inbox (N)" counts only the person's mail; it is
// listed under "done", and its page says why. A bounce still counts as open.
func TestInboxAutoReplyFiled(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "service.test")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("service.test")
		c.AdminLogin("boss@service.test", "boss-password")
		deliver := func(raw string) int64 {
			t.Helper()
			m, err := mailin.Parse([]byte(strings.ReplaceAll(raw, "\n", "\r\n")), mailin.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			id, err := inbound.ToInbox(context.Background(), env.DB, inbound.Delivery{TenantID: ten.ID, Rcpt: "support@service.test",
				Support: "support@service.test", Message: m, ReceivedAt: time.Now()})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		deliver("From: Erika <erika@kunde.test>\nSubject: Drucker kaputt\nMessage-ID: <e1@kunde.test>\nContent-Type: text/plain\n\nBitte helfen.\n")
		away := deliver("From: Felix <felix@kunde.test>\nSubject: Abwesenheitsnotiz\nAuto-Submitted: auto-replied\nMessage-ID: <f1@kunde.test>\nContent-Type: text/plain\n\nBin nicht da.\n")
		deliver("From: MAILER-DAEMON@kunde.test\nSubject: Undelivered\nMessage-ID: <b1@kunde.test>\nContent-Type: text/plain\n\nFailed.\n")

		if n, err := inbox.CountOpen(context.Background(), env.DB, ten.ID); err != nil || n != 2 {
			t.Fatalf("open items %d (%v), want 2: the auto-reply counts", n, err)
		}
		if body := c.Get("/admin/inbox").Body; !strings.Contains(body, "Postkorb (2)") {
			t.Errorf("navigation does not say Postkorb (2): %s", between(body, "/admin/inbox", "</a>"))
		}
		if body := c.Get("/admin/inbox?state=done").Body; !strings.Contains(body, "Abwesenheitsnotiz") {
			t.Errorf("the auto-reply is not listed under done")
		}
		if body := c.Get("/admin/inbox/" + itoa64(away)).Body; !strings.Contains(body, "Automatische Antwort (etwa eine Abwesenheitsnotiz)") {
			t.Errorf("the auto-reply's page does not say why it was filed: %s", between(body, "<dl", "</dl>"))
		}
	})
}
