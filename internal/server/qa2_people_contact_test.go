package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// contactValues is the contact form of the back office with email.
func contactValues(email string) url.Values {
	return url.Values{"first_name": {"Test"}, "last_name": {"Geändert"}, "email": {email}, "phone": {""},
		"language": {""}, "external_id": {""}}
}

// TestContactEmailNeededForAccess: a contact with portal access or an open invitation
// cannot lose their email address (their login name); a malformed one is refused too,
// both beside the field with what was typed kept. A contact without access may have
// none. Changing an active contact's address tells the old address, in the contact's
// language, and is logged.
func TestContactEmailNeededForAccess(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := newDesk(t, e)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		path := "/admin/contacts/" + itoa64(d.alice)

		r := staff.Post(path, contactValues(""))
		if r.Status != 422 || !strings.Contains(r.Body, deMsg("qa2_people.contact.email_needed")) ||
			!strings.Contains(r.Body, `value="Geändert"`) {
			t.Fatalf("empty email of an active contact: %d %.300s", r.Status, r.Body)
		}
		if r := staff.Post(path, contactValues("kein-at-zeichen")); r.Status != 422 || !strings.Contains(r.Body, `value="kein-at-zeichen"`) {
			t.Errorf("malformed email: %d", r.Status)
		}
		if ct, _ := contact.Get(ctx, d.env.DB, d.t.ID, d.alice); ct.Email != "alice@alpha.test" {
			t.Fatalf("a refused email was stored: %q", ct.Email)
		}

		// Invited (no password yet): refused as well.
		inv := d.env.Contact(d.t, "ina@alpha.test", "", "user", d.a)
		ms, _ := contact.MembershipsOfContact(ctx, d.env.DB, d.t.ID, inv.ID)
		if r := staff.Post("/admin/memberships/"+itoa64(ms[0].ID)+"/grant", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		if r := staff.Post("/admin/contacts/"+itoa64(inv.ID), contactValues("")); r.Status != 422 {
			t.Errorf("empty email of an invited contact: %d", r.Status)
		}
		// Without portal access the address may go.
		none := d.env.Contact(d.t, "nora@alpha.test", "", "user", d.a)
		if r := staff.Post("/admin/contacts/"+itoa64(none.ID), contactValues("")); r.Status != 303 {
			t.Errorf("empty email without access: %d %.300s", r.Status, r.Body)
		}

		// A new address: the old one hears of it (in English, the contact's language).
		if err := contact.SetLanguage(ctx, d.env.DB, d.t.ID, d.alice, "en"); err != nil {
			t.Fatal(err)
		}
		if r := staff.Post(path, contactValues("alice.neu@alpha.test")); r.Status != 303 {
			t.Fatalf("new address: %d %.300s", r.Status, r.Body)
		}
		subject, text := lastMailTo(t, d.env, "alice@alpha.test")
		if !strings.Contains(subject, "sign-in address") || !strings.Contains(text, "/login") {
			t.Errorf("notice to the old address: %q\n%s", subject, text)
		}
		if n := auditRows(t, d.env, d.t.ID, "contact_changed", "email alice@alpha.test → alice.neu@alpha.test"); n != 1 {
			t.Errorf("audit entries of the change: %d", n)
		}
		// An invited contact has no account yet: no notice.
		if r := staff.Post("/admin/contacts/"+itoa64(inv.ID), contactValues("ina2@alpha.test")); r.Status != 303 {
			t.Fatalf("invited contact's new address: %d", r.Status)
		}
		var n int
		d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = ? AND subject LIKE ?`, "ina@alpha.test", "%Anmeldeadresse%").Scan(&n)
		if n != 0 {
			t.Errorf("an invited contact got the notice")
		}
	})
}

// TestInvitedRoleChange: an invitation's role changes without a new link (the mailed
// one keeps working and grants the new role), logged; active access and other
// tenants' memberships are not changed this way.
func TestInvitedRoleChange(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := newDesk(t, e)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		inv := d.env.Contact(d.t, "ina@alpha.test", "", "user", d.a)
		ms, _ := contact.MembershipsOfContact(ctx, d.env.DB, d.t.ID, inv.ID)
		mid := itoa64(ms[0].ID)
		if r := staff.Post("/admin/memberships/"+mid+"/grant", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		_, text := lastMailTo(t, d.env, "ina@alpha.test")
		link := linkIn(t, text)
		if page := staff.Get("/admin/companies/" + itoa64(d.a.ID)).Body; !strings.Contains(page, `action="/admin/memberships/`+mid+`/role"`) {
			t.Errorf("the invited row offers no role change")
		}

		r := staff.Post("/admin/memberships/"+mid+"/role", url.Values{"role": {"main"}})
		if r.Status != 303 || !strings.Contains(staff.Get(r.Location).Body, deMsg("qa2_people.members.invited_role_changed")) {
			t.Fatalf("change role: %d", r.Status)
		}
		m, _ := contact.GetMembership(ctx, d.env.DB, d.t.ID, ms[0].ID)
		if m.Role != "main" || m.Access != contact.AccessInvited {
			t.Fatalf("membership after the change: %s %s", m.Role, m.Access)
		}
		if n := auditRows(t, d.env, d.t.ID, "role_changed", "ina@alpha.test @ Alpha GmbH (user → main)"); n != 1 {
			t.Errorf("audit entries: %d", n)
		}
		var mails int
		d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, "ina@alpha.test").Scan(&mails)
		if mails != 1 {
			t.Errorf("mails to the invited contact: %d, want the one invitation", mails)
		}
		// The mailed link still works and grants the new role.
		c := d.env.Client("desk.test")
		if r := c.Get(link); r.Status != 200 {
			t.Fatalf("invitation link after the role change: %d", r.Status)
		}
		r = c.Post(link, url.Values{"password": {"ina-password-1"}, "password_confirm": {"ina-password-1"}})
		if r.Status != 303 {
			t.Fatalf("accept: %d %.300s", r.Status, r.Body)
		}
		if m, _ := contact.GetMembership(ctx, d.env.DB, d.t.ID, ms[0].ID); m.Role != "main" || m.Access != contact.AccessActive {
			t.Errorf("after accepting: %s %s", m.Role, m.Access)
		}
		// Active access is changed by the grant form, not here.
		if r := staff.Post("/admin/memberships/"+mid+"/role", url.Values{"role": {"user"}}); r.Status != 404 {
			t.Errorf("active membership through the invitation route: %d", r.Status)
		}
	})
}
