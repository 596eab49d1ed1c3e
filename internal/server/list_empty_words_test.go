package server_test

import (
	"html"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestEmptyListsSayNoneYet: a tenant without any company or contact saw "Nothing
// found" on the company and contact lists, as if a search had failed. Without a search
// (or filter) the lists now say there is none yet and name the button that creates
// one; a search or filter without a match still says "Nothing found".
func TestEmptyListsSayNoneYet(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		de := i18n.For("de")
		nothing := de.T("admin.empty")
		for _, p := range []struct{ path, want string }{
			{"/admin/companies", de.T("list_empty.companies", map[string]any{"Action": de.T("admin.companies.new")})},
			{"/admin/companies?state=archived", de.T("list_empty.companies_archived")},
			{"/admin/contacts", de.T("list_empty.contacts", map[string]any{"Action": de.T("admin.contacts.new")})},
			{"/admin/companies?q=zzz", nothing},
			{"/admin/companies?state=archived&q=zzz", nothing},
			{"/admin/contacts?q=zzz", nothing},
			{"/admin/contacts?access=invited", nothing},
		} {
			r := c.Get(p.path)
			body := html.UnescapeString(r.Body)
			if r.Status != 200 || !strings.Contains(body, p.want) {
				t.Errorf("%s: status %d, want %q", p.path, r.Status, p.want)
			}
			if p.want != nothing && strings.Contains(body, nothing) {
				t.Errorf("%s says %q without a search", p.path, nothing)
			}
		}
		if !strings.Contains(de.T("list_empty.companies", map[string]any{"Action": "X"}), "„X“") {
			t.Errorf("the company list's message does not name the button")
		}
	})
}
