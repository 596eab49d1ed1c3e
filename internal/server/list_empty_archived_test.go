package server_test

import (
	"context"
	"html"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestEmptyActiveCompaniesNameTheArchived: with every company archived, the active
// list said "There are no companies yet. Create the first one", which is not so. It
// now says that no company is active and where the archived ones are; the archived
// tab lists the company.
func TestEmptyActiveCompaniesNameTheArchived(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		boss := env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		co := env.Company(ten, "Alte Kunde AG")
		if err := company.Archive(context.Background(), env.DB, ten.ID, co.ID, boss.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		de := i18n.For("de")
		want := de.T("list_empty.companies_live", map[string]any{"Tab": de.T("company_archive.tab_archived")})
		r := c.Get("/admin/companies")
		body := html.UnescapeString(r.Body)
		if r.Status != 200 || !strings.Contains(body, want) {
			t.Errorf("active list with only an archived company: status %d, want %q", r.Status, want)
		}
		if strings.Contains(body, de.T("list_empty.companies", map[string]any{"Action": de.T("admin.companies.new")})) {
			t.Errorf("active list says there are no companies yet, with one archived")
		}
		if r := c.Get("/admin/companies?state=archived"); !strings.Contains(html.UnescapeString(r.Body), "Alte Kunde AG") {
			t.Errorf("archived list does not show the company")
		}
	})
}
