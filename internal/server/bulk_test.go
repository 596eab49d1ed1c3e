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

// TestBulkGrant: staff grant several contacts of a company at once; a contact without
// an email address is reported; a membership of another company is a 404.
func TestBulkGrant(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAgent, "a@service.test", "agent-password")
		co, other := env.Company(ten, "Kunde AG"), env.Company(ten, "Andere AG")
		var ids []string
		for _, email := range []string{"eins@kunde.test", "zwei@kunde.test"} {
			ct := env.Contact(ten, email, "", "user", co)
			ids = append(ids, id(memberships(t, env, ten.ID, ct.ID)[0]))
		}
		ctx := context.Background()
		noMail := env.Contact(ten, "", "", "user", co)
		var noMailM int64
		env.DB.QueryRow(ctx, `SELECT id FROM memberships WHERE contact_id = ?`, noMail.ID).Scan(&noMailM)
		foreign := env.Contact(ten, "fremd@andere.test", "", "user", other)
		c := env.Client("")
		c.AdminLogin("a@service.test", "agent-password")
		path := "/admin/companies/" + id(co.ID) + "/grant"
		if r := c.Post(path, url.Values{"membership_id": ids, "role": {"main"}}); r.Status != 303 {
			t.Fatalf("bulk grant: %d", r.Status)
		}
		lastMailTo(t, env, "eins@kunde.test")
		lastMailTo(t, env, "zwei@kunde.test")
		ms, _ := contact.MembershipsOfCompany(ctx, env.DB, ten.ID, co.ID)
		invited := 0
		for _, m := range ms {
			if m.Access == contact.AccessInvited && m.Role == "main" {
				invited++
			}
		}
		if invited != 2 {
			t.Errorf("%d invited main contacts", invited)
		}
		c.Post(path, url.Values{"membership_id": {id(noMailM)}, "role": {"user"}})
		if body := c.Get("/admin/companies/" + id(co.ID)).Body; !strings.Contains(body, "fehlt eine E-Mail-Adresse") {
			t.Errorf("missing email not reported")
		}
		fm := memberships(t, env, ten.ID, foreign.ID)[0]
		if r := c.Post(path, url.Values{"membership_id": {id(fm)}, "role": {"user"}}); r.Status != 404 {
			t.Errorf("membership of another company: %d", r.Status)
		}
		if r := c.Post(path, url.Values{"role": {"user"}}); r.Status != 422 { // said by the button: TestBulkGrantNothingTicked
			t.Errorf("nothing selected: %d", r.Status)
		}
	})
}
