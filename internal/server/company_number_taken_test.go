package server_test

import (
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanyNumberTakenNamesHolder: a customer number or external ID that another
// company holds is refused under its field naming that company (not a bare "already in
// use"), on create and on edit, with the typed values kept.
func TestCompanyNumberTakenNamesHolder(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		alpha := companyValues("Alpha GmbH", "")
		alpha.Set("customer_number", "K-1")
		alpha.Set("external_id", "ERP-1")
		if r := staff.Post("/admin/companies/"+itoa64(d.a.ID), alpha); r.Status != 303 {
			t.Fatalf("numbering Alpha: %d", r.Status)
		}
		held := deMsg("staff_walk.company_value_taken", map[string]any{"Company": "Alpha GmbH"})
		gamma := companyValues("Gamma KG", "")
		gamma.Set("customer_number", "K-1")
		gamma.Set("external_id", "ERP-1")
		r := staff.Post("/admin/companies", gamma)
		if r.Status != 422 || strings.Count(r.Body, held) != 2 || !strings.Contains(r.Body, `value="Gamma KG"`) || !strings.Contains(r.Body, `value="ERP-1"`) {
			t.Errorf("create with Alpha's numbers: %d, named %d times", r.Status, strings.Count(r.Body, held))
		}
		beta := companyValues("Beta AG", "")
		beta.Set("customer_number", "K-1")
		r = staff.Post("/admin/companies/"+itoa64(d.b.ID), beta)
		if r.Status != 422 || strings.Count(r.Body, held) != 1 || !strings.Contains(r.Body, `value="K-1"`) {
			t.Errorf("edit onto Alpha's number: %d", r.Status)
		}
		if r := staff.Post("/admin/companies/"+itoa64(d.a.ID), alpha); r.Status != 303 {
			t.Errorf("Alpha saved with its own numbers: %d", r.Status)
		}
	})
}
