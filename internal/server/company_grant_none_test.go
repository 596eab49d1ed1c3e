package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestBulkGrantNothingTicked: rows with active access offer no box to tick; granting
// with nothing ticked says so by the button (the chosen role kept, the field brought
// into view) and grants nothing; a company whose contacts all have access offers no
// bulk grant at all.
func TestBulkGrantNothingTicked(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAgent, "a@service.test", "agent-password")
		co := env.Company(ten, "Müller Haustechnik")
		anna := env.Contact(ten, "anna@mueller.test", "anna-password-1", "main", co)
		thomas := env.Contact(ten, "thomas@mueller.test", "", "user", co)
		annaM, thomasM := memberships(t, env, ten.ID, anna.ID)[0], memberships(t, env, ten.ID, thomas.ID)[0]
		c := env.Client("")
		c.AdminLogin("a@service.test", "agent-password")
		page := c.Get("/admin/companies/" + id(co.ID)).Body
		box := func(m int64) string { return `name="membership_id" value="` + id(m) + `"` }
		if strings.Contains(page, box(annaM)) || !strings.Contains(page, box(thomasM)) {
			t.Fatalf("boxes: active row offered %v, new row offered %v", strings.Contains(page, box(annaM)), strings.Contains(page, box(thomasM)))
		}

		r := c.Post("/admin/companies/"+id(co.ID)+"/grant", url.Values{"role": {"main"}})
		if r.Status != 422 || !strings.Contains(r.Body, `<p class="error-msg" id="e-bulk-grant" role="alert">Bitte kreuzen Sie mindestens einen Kontakt an.</p>`) ||
			!strings.Contains(r.Body, `<option value="main" selected>`) || !strings.Contains(r.Body, "autofocus") {
			t.Fatalf("nothing ticked: %d\n%.4000s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM memberships WHERE id = ? AND access = 'none'`, thomasM); n != 1 {
			t.Fatalf("nothing ticked granted access")
		}

		all := env.Company(ten, "Alle mit Zugang")
		env.Contact(ten, "eva@alle.test", "eva-password-12", "user", all)
		if page := c.Get("/admin/companies/" + id(all.ID)).Body; strings.Contains(page, `id="bulk-grant"`) {
			t.Errorf("bulk grant offered where everybody has access")
		}
	})
}
