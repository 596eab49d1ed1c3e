package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInputFixes: an email domain with umlauts is stored as punycode and found again
// from an address with umlauts; control characters are dropped from a company's fields
// and refused (with a message, the input kept) where a form cannot tidy them; the
// download folder form names every error at once; the breadcrumb has spaces around its
// separator.
func TestInputFixes(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")

		r := c.Post("/admin/companies", url.Values{"name": {"Stadtwerke\x01 München"}, "email_domains": {"münchen.de, Kunde.DE"},
			"city": {"Mün\x07chen"}})
		if r.Status != 303 {
			t.Fatalf("company with umlaut domain: %d %s", r.Status, flashOf(r.Body))
		}
		co, err := company.ByDomain(ctx, env.DB, ten.ID, "münchen.de")
		if err != nil {
			t.Fatalf("company not found by its umlaut domain: %v", err)
		}
		if co.EmailDomains != "xn--mnchen-3ya.de, kunde.de" || co.Name != "Stadtwerke München" || co.City != "München" {
			t.Errorf("stored %q %q %q", co.EmailDomains, co.Name, co.City)
		}
		if r := c.Post("/admin/companies", url.Values{"name": {"X"}, "email_domains": {"nicht gültig.de"}}); r.Status != 422 {
			t.Errorf("bad umlaut domain: %d", r.Status)
		}
		// A contact's name with a control character: a clear message, the input kept.
		r = c.Post("/admin/contacts", url.Values{"first_name": {"Jörg"}, "last_name": {"Kun\x01de"},
			"email": {"joerg@kunde.de"}, "company_id": {id(co.ID)}, "role": {"user"}})
		if r.Status != 422 || !strings.Contains(r.Body, "Steuerzeichen") || !strings.Contains(r.Body, `value="Jörg"`) {
			t.Errorf("control character in a contact's name: %d", r.Status)
		}

		// Download folders: an empty name and a bad position are both reported.
		r = c.Post("/admin/downloads/folders", url.Values{"name": {" "}, "parent_id": {"0"}, "position": {"erste"}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-name"`) || !strings.Contains(r.Body, `id="e-position"`) {
			t.Errorf("folder form with two errors: %d, name error %v, position error %v", r.Status,
				strings.Contains(r.Body, `id="e-name"`), strings.Contains(r.Body, `id="e-position"`))
		}
		r = c.Post("/admin/downloads/folders", url.Values{"name": {"Handbücher\x01"}, "parent_id": {"0"}})
		if r.Status != 303 {
			t.Fatalf("folder: %d", r.Status)
		}
		var folder int64
		env.DB.QueryRow(ctx, `SELECT id FROM download_folders WHERE name = 'Handbücher'`).Scan(&folder)
		if folder == 0 {
			t.Fatal("folder name not stored without its control character")
		}
		page := c.Get("/admin/downloads?folder=" + id(folder)).Body
		trail := page[strings.Index(page, `class="breadcrumbs"`):]
		trail = strings.Join(strings.Fields(trail[:strings.Index(trail, "</nav>")]), " ") // as a browser shows it
		if !strings.Contains(trail, `</a> <span aria-hidden="true">›</span> <span`) {
			t.Errorf("breadcrumb without spaces around the separator: %s", trail)
		}
	})
}
