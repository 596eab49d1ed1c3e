package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestNotificationSettings: a contact chooses the ticket mails they get on Settings →
// Notifications. Switched off, their own tickets' mails stop; a main contact who asks
// for it hears of every new ticket of the company (not of their own, and a plain user
// is never offered it); followers still get theirs, each contact mail says where to
// change this; the change is audited and shown to staff on the contact's page.
func TestNotificationSettings(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice, uwe := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")

		page := uwe.Get("/settings/notifications")
		if page.Status != 200 || !strings.Contains(page.Body, `name="own" value="1" checked`) ||
			!strings.Contains(page.Body, `name="followed" value="1" checked`) || strings.Contains(page.Body, `name="company"`) {
			t.Fatalf("a user's notifications page: %d %.2000s", page.Status, page.Body)
		}
		if s := uwe.Get("/settings").Body; !strings.Contains(s, `href="/settings/notifications"`) {
			t.Errorf("settings do not lead to the notifications")
		}
		if p := alice.Get("/settings/notifications").Body; !strings.Contains(p, `name="company" value="1"`) ||
			strings.Contains(p, `name="company" value="1" checked`) {
			t.Errorf("a main contact is not offered the company's new tickets, or has them on by default")
		}
		// A plain user's "company" is ignored: it is not theirs to choose.
		if r := uwe.Post("/settings/notifications", url.Values{"followed": {"1"}, "company": {"1"}}); r.Status != 303 {
			t.Fatalf("save: %d %.300s", r.Status, r.Body)
		}
		if r := alice.Post("/settings/notifications", url.Values{"own": {"1"}, "followed": {"1"}, "company": {"1"}}); r.Status != 303 {
			t.Fatalf("save: %d", r.Status)
		}
		if p := uwe.Get("/settings/notifications").Body; strings.Contains(p, `name="own" value="1" checked`) ||
			!strings.Contains(p, "gespeichert") {
			t.Errorf("after saving: %.1500s", p)
		}

		id := d.open(t, uwe, "Drucker offline")
		if m := d.mailsTo(t, "uwe@alpha.test"); len(m) != 0 {
			t.Errorf("uwe switched off his own tickets' mails and got %q", m)
		}
		m := d.mailsTo(t, "alice@alpha.test")
		if len(m) != 1 || !strings.Contains(m[0], "Neues Ticket bei Alpha GmbH") || !strings.Contains(m[0], "Beschreibung von Drucker offline") ||
			!strings.Contains(m[0], "/settings/notifications") {
			t.Errorf("main contact's mail about the new ticket: %q", m)
		}
		for _, other := range []string{"ula@alpha.test", "bob@beta.test"} {
			if m := d.mailsTo(t, other); len(m) != 0 {
				t.Errorf("%s got %q", other, m)
			}
		}
		// Alice's own new ticket: her confirmation, no "new ticket of the company" too.
		d.open(t, alice, "Eigenes Anliegen")
		if m := d.mailsTo(t, "alice@alpha.test"); len(m) != 2 || !strings.Contains(m[1], "erhalten") {
			t.Errorf("alice after her own ticket: %q", m)
		}

		// Ula follows uwe's ticket; staff answer: she hears of it, uwe does not.
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			if err := ticket.Follow(ctx, tx, tk, d.ula, "Ula", 0, d.admin.ID, time.Now()); err != nil {
				return err
			}
			_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: d.admin.ID, Author: "Agent Ada", Body: "Bitte neu starten.", Via: "staff"}, time.Now())
			if err != nil {
				return err
			}
			n, err := ticket.NewNotifier(ctx, tx, d.t, "http://desk.test", time.Now())
			if err != nil {
				return err
			}
			return n.Replied(ctx, tx, tk, "Bitte neu starten.", ticket.Actor{StaffID: d.admin.ID, Name: "Agent Ada"})
		})
		if m := d.mailsTo(t, "ula@alpha.test"); len(m) != 1 || !strings.Contains(m[0], "Bitte neu starten.") ||
			!strings.Contains(m[0], "http://desk.test/settings/notifications") {
			t.Errorf("follower's mail: %q", m)
		}
		if m := d.mailsTo(t, "uwe@alpha.test"); len(m) != 0 {
			t.Errorf("uwe got %q", m)
		}

		var out struct {
			Contact struct {
				Notifications map[string]bool `json:"notifications"`
			} `json:"contact"`
		}
		if err := json.Unmarshal([]byte(uwe.Post("/account/export", nil).Body), &out); err != nil ||
			fmt.Sprint(out.Contact.Notifications) != "map[company_new_tickets:false followed_tickets:true own_tickets:false]" {
			t.Errorf("the data export's choice: %v, %v", out.Contact.Notifications, err)
		}
		// Without the helpdesk there are no ticket mails to choose (a tenant switched
		// before its first request, so no cached tenant hides the change).
		off := d.env.Tenant("Ohne Helpdesk GmbH", "off.test")
		if err := tenant.SetModules(context.Background(), d.env.DB, off.ID, []string{"knowledge"}); err != nil {
			t.Fatal(err)
		}
		d.env.Contact(off, "c@kunde-off.test", "kunde-off-password", "main", d.env.Company(off, "Kunde Off"))
		oc := d.env.Client("off.test")
		oc.Login("c@kunde-off.test", "kunde-off-password")
		if r := oc.Get("/settings/notifications"); r.Status != 404 {
			t.Errorf("notifications without the helpdesk: %d", r.Status)
		}
		if r := oc.Get("/settings"); r.Status != 200 || strings.Contains(r.Body, "/settings/notifications") {
			t.Errorf("settings without the helpdesk: %d, offers notifications", r.Status)
		}
		var audited int
		if err := d.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'notifications_changed'
			AND target LIKE 'own tickets: off%'`, d.t.ID).Scan(&audited); err != nil || audited != 1 {
			t.Errorf("audit: %d, %v", audited, err)
		}
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		if p := staff.Get("/admin/contacts/" + itoa64(d.uwe)).Body; !strings.Contains(p, "Ticket-E-Mails") ||
			!strings.Contains(p, "<dt>Eigene Tickets</dt><dd>Aus</dd>") {
			t.Errorf("staff do not see uwe's choice: %.3000s", p)
		}
	})
}
