package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestBulkGrantLeavesActiveAccess: ticking an active main contact together with a new
// contact and granting "user" invites the new one only; the main contact keeps the role,
// and the page says how many got access and how many already had it. A role change on
// a row says it changed the role, not that a mail went out.
func TestBulkGrantLeavesActiveAccess(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAgent, "a@service.test", "agent-password")
		co := env.Company(ten, "Müller Haustechnik")
		anna := env.Contact(ten, "anna@mueller.test", "anna-password-1", "main", co)
		thomas := env.Contact(ten, "thomas@mueller.test", "", "user", co)
		annaM, thomasM := memberships(t, env, ten.ID, anna.ID)[0], memberships(t, env, ten.ID, thomas.ID)[0]
		c := env.Client("")
		c.AdminLogin("a@service.test", "agent-password")
		path := "/admin/companies/" + id(co.ID) + "/grant"

		r := c.Post(path, url.Values{"membership_id": {id(annaM), id(thomasM)}, "role": {"user"}})
		if r.Status != 303 {
			t.Fatalf("bulk grant: %d", r.Status)
		}
		page := c.Get(r.Location).Body
		if !strings.Contains(page, "Portalzugang für 1 der ausgewählten Kontakte gewährt") ||
			!strings.Contains(page, "Bereits mit Zugang und unverändert: 1.") {
			t.Errorf("flash does not count granted and skipped contacts:\n%s", flashOf(page))
		}
		m, _ := contact.GetMembership(ctx, env.DB, ten.ID, annaM)
		if m.Role != "main" || m.Access != contact.AccessActive {
			t.Errorf("active main contact changed by bulk grant: %s %s", m.Role, m.Access)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'anna@mueller.test'`); n != 0 {
			t.Errorf("%d mails to the contact who already had access", n)
		}
		lastMailTo(t, env, "thomas@mueller.test")
		if m, _ := contact.GetMembership(ctx, env.DB, ten.ID, thomasM); m.Access != contact.AccessInvited {
			t.Errorf("new contact not invited: %s", m.Access)
		}

		// Only active contacts ticked: nothing happens, and the page says so.
		r = c.Post(path, url.Values{"membership_id": {id(annaM)}, "role": {"user"}})
		if page := c.Get(r.Location).Body; !strings.Contains(page, "haben bereits Portalzugang") {
			t.Errorf("all-active bulk grant not explained:\n%s", flashOf(page))
		}

		// An invalid role is a role error, and nothing is granted.
		other := env.Contact(ten, "jonas@mueller.test", "", "user", co)
		otherM := memberships(t, env, ten.ID, other.ID)[0]
		r = c.Post(path, url.Values{"membership_id": {id(otherM)}, "role": {"admin"}})
		if page := c.Get(r.Location).Body; !strings.Contains(page, "Bitte wählen Sie eine Rolle") {
			t.Errorf("invalid role not reported as such:\n%s", flashOf(page))
		}
		// All or nothing: a foreign id after a good one is a 404 and grants nobody.
		elsewhere := env.Company(ten, "Andere AG")
		foreign := env.Contact(ten, "fremd@andere.test", "", "user", elsewhere)
		r = c.Post(path, url.Values{"membership_id": {id(otherM), id(memberships(t, env, ten.ID, foreign.ID)[0])},
			"role": {"user"}})
		if r.Status != 404 {
			t.Errorf("foreign id: %d", r.Status)
		}
		if m, _ := contact.GetMembership(ctx, env.DB, ten.ID, otherM); m.Access != contact.AccessNone {
			t.Errorf("a bulk grant that failed granted access before failing: %s", m.Access)
		}
		r = c.Post(path, url.Values{"membership_id": {id(otherM), "x"}, "role": {"user"}})
		if m, _ := contact.GetMembership(ctx, env.DB, ten.ID, otherM); r.Status != 404 || m.Access != contact.AccessNone {
			t.Errorf("malformed id: %d, access %s", r.Status, m.Access)
		}

		// The row's own role change says what it did.
		back := url.Values{"role": {"user"}}
		r = c.Post("/admin/memberships/"+id(annaM)+"/grant", back)
		page = c.Get("/admin/companies/" + id(co.ID)).Body
		if !strings.Contains(page, "Rolle geändert") || strings.Contains(page, "steht im Postausgang") {
			t.Errorf("role change flash:\n%s", flashOf(page))
		}
		if m, _ := contact.GetMembership(ctx, env.DB, ten.ID, annaM); m.Role != "user" {
			t.Errorf("role not changed: %s", m.Role)
		}
		c.Post("/admin/memberships/"+id(annaM)+"/grant", back)
		if page := c.Get("/admin/companies/" + id(co.ID)).Body; !strings.Contains(page, "hat diese Rolle bereits") {
			t.Errorf("unchanged role flash:\n%s", flashOf(page))
		}
		c.Post("/admin/memberships/"+id(annaM)+"/grant", url.Values{"role": {"owner"}})
		if page := c.Get("/admin/companies/" + id(co.ID)).Body; !strings.Contains(page, "Bitte wählen Sie eine Rolle") {
			t.Errorf("invalid role on a row:\n%s", flashOf(page))
		}
	})
}

// flashOf cuts the flash message out of a page for a failure message.
func flashOf(page string) string {
	if i := strings.Index(page, `class="flash`); i >= 0 {
		return page[i:min(len(page), i+400)]
	}
	return "(no flash)"
}
