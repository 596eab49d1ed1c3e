package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestColleagueInviteLimit: a company's main contacts may send access.ColleagueInviteLimit
// colleague invitations from the portal in a day. Each one mails an address they typed,
// under the provider's name; without a limit the colleagues page would mail any number
// of strangers. The next invitation comes back with the form as typed, a message in the
// contact's language and 422, creates no contact and mails nobody, and is audited. A
// refused invitation (an address already invited) does not use up the quota, another
// company has its own, staff grants in the back office are not limited, and after a day
// the company may invite again.
func TestColleagueInviteLimit(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "svc.test")
		co, other := env.Company(ten, "Kunde AG"), env.Company(ten, "Andere KG")
		chefin := env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		env.Contact(ten, "chef@andere.test", "other-password", "main", other)
		env.Staff(ten, staff.RoleAdmin, "admin@svc.test", "admin-password")
		c := env.Client("svc.test")
		c.Login("chefin@kunde.test", "boss-password")
		invite := func(first, email string) apptest.Response {
			return c.Post("/colleagues", url.Values{"first_name": {first}, "last_name": {"Kollege"}, "email": {email}, "role": {"user"}})
		}

		if r := invite("Eins", "k1@fremd.test"); r.Status != 303 {
			t.Fatalf("first invitation: %d", r.Status)
		}
		if r := invite("Eins", "k1@fremd.test"); r.Status != 422 {
			t.Fatalf("invitation of an invited address: %d, want 422", r.Status)
		}
		for i := 2; i <= access.ColleagueInviteLimit; i++ {
			if r := invite("Kollege", fmt.Sprintf("k%d@fremd.test", i)); r.Status != 303 {
				t.Fatalf("invitation %d of %d: %d:\n%.1500s", i, access.ColleagueInviteLimit, r.Status, r.Body)
			}
		}

		r := invite("Zuviel", "zuviel@fremd.test")
		if r.Status != 422 || !strings.Contains(r.Body, "hat in den letzten 24 Stunden 20 Einladungen verschickt") {
			t.Errorf("invitation over the limit: %d, want 422 with the reason:\n%.2000s", r.Status, r.Body)
		}
		for _, typed := range []string{`value="Zuviel"`, `value="zuviel@fremd.test"`} {
			if !strings.Contains(r.Body, typed) {
				t.Errorf("refused form lost %s", typed)
			}
		}
		if n := mailsTo(t, env, "zuviel@fremd.test"); n != 0 {
			t.Errorf("%d mails to the address over the limit", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM contacts WHERE email = ?`, "zuviel@fremd.test"); n != 0 {
			t.Errorf("the refused invitation created a contact")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'invitations_limited' AND contact_id = ? AND target = ?`,
			chefin.ID, "company:"+itoa64(co.ID)+" Kunde AG"); n != 1 {
			t.Errorf("%d audit entries for the refusal, want 1", n)
		}

		// Another company's quota is its own.
		o := env.Client("svc.test")
		o.Login("chef@andere.test", "other-password")
		if r := o.Post("/colleagues", url.Values{"last_name": {"Neu"}, "email": {"neu@andere.test"}, "role": {"user"}}); r.Status != 303 {
			t.Errorf("other company's invitation: %d", r.Status)
		}

		// Staff grants are not limited.
		ina := env.Contact(ten, "ina@kunde.test", "", "user", co)
		ms, _ := contact.MembershipsOfContact(context.Background(), env.DB, ten.ID, ina.ID)
		admin := env.Client("svc.test")
		admin.AdminLogin("admin@svc.test", "admin-password")
		if r := admin.Post("/admin/memberships/"+itoa64(ms[0].ID)+"/grant", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Errorf("staff grant after the company's limit: %d", r.Status)
		}
		if n := mailsTo(t, env, "ina@kunde.test"); n != 1 {
			t.Errorf("staff grant mailed %d times, want 1", n)
		}

		// A day later the company may invite again.
		if _, err := env.DB.Exec(context.Background(), `UPDATE login_failures SET at = at - ? WHERE email LIKE 'invite:%'`,
			int64(access.ColleagueInviteWindow.Seconds())); err != nil {
			t.Fatal(err)
		}
		if r := invite("Morgen", "morgen@fremd.test"); r.Status != 303 {
			t.Errorf("invitation a day later: %d", r.Status)
		}
	})
}
