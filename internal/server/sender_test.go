package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestSenderName: a tenant without a sender of its own mails from the installation's
// address under its own name, as the settings page says ("shown as the sender of
// emails"); the envelope sender stays the installation's address, whose domain ends the
// Message-ID.
func TestSenderName(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e, apptest.Options{SMTPURL: smtp.URL()})
		ten := env.Tenant("Müller Service GmbH")
		ct := env.Contact(ten, "neu@kunde.test", "", "user", env.Company(ten, "Kunde AG"))
		if err := env.App.Access.Grant(context.Background(), ten, actor, memberships(t, env, ten.ID, ct.ID)[0], "user", "http://x"); err != nil {
			t.Fatal(err)
		}
		env.App.Worker.Wake()
		got := smtp.WaitFor(t, 1, 10*time.Second)[0]
		head, _, _ := strings.Cut(string(got.Data), "\r\n\r\n")
		if got.From != "portal@pforte.test" || !strings.Contains(strings.ToLower(head), "from: =?utf-8?q?m=c3=bcller_service_gmbh?= <portal@pforte.test>") {
			t.Errorf("envelope %q, header:\n%s", got.From, head)
		}
		// The Message-ID goes out ending in the sender's domain (spam filters score one
		// without a dotted domain); the outbox keeps the id it was queued under.
		var stored string
		env.DB.QueryRow(context.Background(), `SELECT message_id FROM mails WHERE to_addr = 'neu@kunde.test'`).Scan(&stored)
		if left, ok := strings.CutSuffix(stored, "@pforte"); !ok || !strings.Contains(head, "Message-ID: <"+left+"@pforte.test>") {
			t.Errorf("stored Message-ID %q, header:\n%s", stored, head)
		}
		// The outbox shows the id as it went out, the one the mail server's log names.
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		var mailID int64
		env.DB.QueryRow(context.Background(), `SELECT id FROM mails WHERE to_addr = 'neu@kunde.test'`).Scan(&mailID)
		want, page := "<code>"+strings.TrimSuffix(stored, "@pforte")+"@pforte.test</code>", ""
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if page = adm.Get("/admin/outbox/" + id(mailID)).Body; strings.Contains(page, want) { // once marked sent
				break
			}
		}
		if !strings.Contains(page, want) {
			t.Errorf("the outbox does not show the Message-ID the mail went out with (%s)", want)
		}
	})
}
