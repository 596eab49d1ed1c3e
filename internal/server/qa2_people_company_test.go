package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// companyValues is the company form of the back office.
func companyValues(name, domains string) url.Values {
	return url.Values{"name": {name}, "customer_number": {""}, "email_domains": {domains}, "street": {""},
		"postal_code": {""}, "city": {""}, "country": {""}, "external_id": {""}}
}

// TestCompanySameNameAnyCase: a company named like another but for case (umlauts
// too) is asked about on create and on rename; "anyway" lets it through, and a
// company may change the case of its own name.
func TestCompanySameNameAnyCase(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		mueller := d.env.Company(d.t, "Müller Haustechnik GmbH")
		warn := deMsg("admin.companies.same_name", map[string]any{"Name": "Müller Haustechnik GmbH"})

		r := staff.Post("/admin/companies", companyValues("  müller HAUSTECHNIK gmbh ", ""))
		if r.Status != 422 || !strings.Contains(r.Body, warn) || !strings.Contains(r.Body, "/admin/companies/"+itoa64(mueller.ID)) {
			t.Fatalf("create in other case: %d", r.Status)
		}
		// Renaming Beta to Alpha's name in capitals: asked, with the rename's own wording.
		path := "/admin/companies/" + itoa64(d.b.ID)
		r = staff.Post(path, companyValues("ALPHA GMBH", ""))
		if r.Status != 422 || !strings.Contains(r.Body, deMsg("admin.companies.same_name", map[string]any{"Name": "Alpha GmbH"})) ||
			!strings.Contains(r.Body, deMsg("qa2_people.company.same_name_keep")) || !strings.Contains(r.Body, `value="ALPHA GMBH"`) {
			t.Fatalf("rename onto another's name: %d", r.Status)
		}
		if c, _ := company.Get(t.Context(), d.env.DB, d.t.ID, d.b.ID); c.Name != "Beta AG" {
			t.Fatalf("refused rename stored: %q", c.Name)
		}
		// Its own name in another case is no namesake.
		if r := staff.Post(path, companyValues("BETA AG", "")); r.Status != 303 {
			t.Errorf("case change of its own name: %d %.300s", r.Status, r.Body)
		}
		// Anyway: through.
		v := companyValues("ALPHA GMBH", "")
		v.Set("same_name_ok", "1")
		if r := staff.Post(path, v); r.Status != 303 {
			t.Errorf("rename anyway: %d", r.Status)
		}
		v = companyValues("müller haustechnik gmbh", "")
		v.Set("same_name_ok", "1")
		if r := staff.Post("/admin/companies", v); r.Status != 303 {
			t.Errorf("create anyway: %d", r.Status)
		}
		// A name that only starts like another is no namesake; wildcards are literal.
		if r := staff.Post("/admin/companies", companyValues("Müller", "")); r.Status != 303 {
			t.Errorf("prefix of a name: %d", r.Status)
		}
		if r := staff.Post("/admin/companies", companyValues("Alpha%", "")); r.Status != 303 {
			t.Errorf("LIKE wildcard: %d", r.Status)
		}
	})
}

// TestCompanyAuditBackOffice: creating a company on /admin/companies and changing its
// email domains are logged, as the inbox's way does.
func TestCompanyAuditBackOffice(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		r := staff.Post("/admin/companies", companyValues("Gamma KG", "gamma.test"))
		if r.Status != 303 {
			t.Fatalf("create: %d %.300s", r.Status, r.Body)
		}
		// The entry carries the company's id, so the log links it (it held the bare name).
		coID := strings.TrimPrefix(r.Location, "/admin/companies/")
		if n := auditRows(t, d.env, d.t.ID, "company_created", "company:"+coID+" Gamma KG"); n != 1 {
			t.Errorf("company_created entries: %d", n)
		}
		if log := staff.Get("/admin/audit"); !strings.Contains(log.Body, `href="/admin/companies/`+coID+`">Gamma KG</a>`) {
			t.Errorf("company_created entry not linked: %q", flashOf(log.Body))
		}
		if r := staff.Post(r.Location, companyValues("Gamma KG", "gamma.test, gamma-neu.test")); r.Status != 303 {
			t.Fatalf("add domain: %d", r.Status)
		}
		if n := auditRows(t, d.env, d.t.ID, "company_domain_added", "gamma-neu.test → Gamma KG"); n != 1 {
			t.Errorf("domain added entries: %d", n)
		}
		if r := staff.Post(r.Location, companyValues("Gamma KG", "gamma-neu.test")); r.Status != 303 {
			t.Fatalf("remove domain: %d", r.Status)
		}
		if n := auditRows(t, d.env, d.t.ID, "company_domain_removed", "gamma.test → Gamma KG"); n != 1 {
			t.Errorf("domain removed entries: %d", n)
		}
		// Saving without a domain change logs no domain entry; the log shows the removal.
		staff.Post(r.Location, companyValues("Gamma KG", "gamma-neu.test"))
		if n := auditRows(t, d.env, d.t.ID, "company_domain_added", "gamma-neu.test → Gamma KG"); n != 1 {
			t.Errorf("unchanged domains logged again: %d", n)
		}
		if page := staff.Get("/admin/audit").Body; !strings.Contains(page, deMsg("audit.action.company_domain_removed")) {
			t.Errorf("the audit log does not name the removal")
		}
		// A refused change (another company's domain) logs nothing.
		staff.Post("/admin/companies/"+itoa64(d.b.ID), companyValues("Beta AG", "gamma-neu.test"))
		if n := auditRows(t, d.env, d.t.ID, "company_domain_added", "gamma-neu.test → Beta AG"); n != 0 {
			t.Errorf("a refused domain was logged")
		}
	})
}
