package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestColleaguesListAndResend: the colleagues page leaves out deleted accounts and
// former colleagues whose access was revoked, and offers an invited colleague whose
// link expired a new one (the old link stops working, the resend is logged).
func TestColleaguesListAndResend(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		boss := env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		gone := env.Contact(ten, "weg@kunde.test", "gone-password", "user", co)
		dead := env.Contact(ten, "tot@kunde.test", "dead-password", "user", co)
		ctx := context.Background()
		env.DB.Exec(ctx, `UPDATE memberships SET access = 'revoked' WHERE contact_id = ?`, gone.ID)
		env.DB.Exec(ctx, `UPDATE contacts SET first_name = '', last_name = 'Gelöschter Kontakt', email = ? WHERE id = ?`,
			"deleted-"+id(dead.ID)+"@deleted.invalid", dead.ID)
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		if r := c.Post("/colleagues", url.Values{"last_name": {"Neu"}, "email": {"neu@kunde.test"}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "neu@kunde.test")
		oldLink := linkIn(t, text)
		page := c.Get("/colleagues").Body
		for _, hidden := range []string{"weg@kunde.test", "deleted.invalid", "Gelöschter Kontakt"} {
			if strings.Contains(page, hidden) {
				t.Errorf("colleagues page lists %q", hidden)
			}
		}
		m := membershipOf(t, env, ten.ID, co.ID, "neu@kunde.test")
		if !strings.Contains(page, "/colleagues/"+id(m.ID)+"/resend") {
			t.Errorf("no resend for the invited colleague")
		}
		env.DB.Exec(ctx, `UPDATE memberships SET invited_at = ? WHERE id = ?`, time.Now().Add(-30*24*time.Hour).Unix(), m.ID)
		env.DB.Exec(ctx, `UPDATE tokens SET expires_at = ?, created_at = ? WHERE membership_id = ?`,
			time.Now().Add(-time.Hour).Unix(), time.Now().Add(-30*24*time.Hour).Unix(), m.ID)
		if r := c.Post("/colleagues/"+id(m.ID)+"/resend", nil); r.Status != 303 {
			t.Fatalf("resend: %d", r.Status)
		}
		if !strings.Contains(c.Get("/colleagues").Body, "erneut") {
			t.Errorf("no confirmation of the resend")
		}
		// Pressed again at once: refused with a note, no third mail.
		mails := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'neu@kunde.test'`)
		if r := c.Post("/colleagues/"+id(m.ID)+"/resend", nil); r.Status != 303 ||
			!strings.Contains(c.Get("/colleagues").Body, "weniger als zwei Minuten") ||
			count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'neu@kunde.test'`) != mails {
			t.Errorf("second resend at once: %d", r.Status)
		}
		deadline := time.Now().Add(10 * time.Second)
		newLink := oldLink
		for newLink == oldLink && time.Now().Before(deadline) {
			_, text = lastMailTo(t, env, "neu@kunde.test")
			newLink = linkIn(t, text)
			time.Sleep(20 * time.Millisecond)
		}
		if newLink == oldLink {
			t.Fatalf("no new link mailed")
		}
		if r := env.Client("").Get(oldLink); r.Status != 410 {
			t.Errorf("old link: %d", r.Status)
		}
		n := env.Client("")
		if r := n.Post(newLink, url.Values{"password": {"colleague-pw-1"}, "password_confirm": {"colleague-pw-1"}}); r.Status != 303 {
			t.Fatalf("accept the new link: %d", r.Status)
		}
		if n.Get("/").Status != 200 {
			t.Errorf("not logged in after accepting")
		}
		// Only invited colleagues can be sent a link: an active one is not found.
		if r := c.Post("/colleagues/"+id(m.ID)+"/resend", nil); r.Status != 404 {
			t.Errorf("resend to an active colleague: %d", r.Status)
		}
		var count int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE actor LIKE ? AND action = 'invitation_sent'`,
			"contact:"+id(boss.ID)+" %").Scan(&count)
		if count != 2 {
			t.Errorf("%d invitation entries by the main contact, want 2 (invite and resend)", count)
		}
	})
}
