package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// contactEraseAdminForeign are the erasure and export routes with tenant B's contact,
// for TestAdminIsolation's walk over every admin route.
func contactEraseAdminForeign(w *world) map[string]string {
	page := "/admin/contacts/" + id(w.carol)
	return map[string]string{
		"GET /admin/contacts/{id}/erase":   page + "/erase",
		"POST /admin/contacts/{id}/erase":  page + "/erase",
		"POST /admin/contacts/{id}/export": page + "/export",
	}
}

// TestContactEraseIsolation: tenant A's admin who types tenant B's contact's address
// exactly gets a 404 and erases nothing; the export of that contact is a 404 without
// their data.
func TestContactEraseIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		staffA := w.env.Client("a.test")
		staffA.AdminLogin("admin@a.test", "admin-a-password")
		page := "/admin/contacts/" + id(w.carol)
		if r := staffA.Post(page+"/erase", url.Values{"confirm": {"carol@b1.test"}, "reason": {"x"}}); r.Status != 404 {
			t.Errorf("erase tenant B's contact: %d", r.Status)
		}
		if r := staffA.Post(page+"/export", url.Values{}); r.Status != 404 || strings.Contains(r.Body, "carol@") {
			t.Errorf("export tenant B's contact: %d", r.Status)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM contacts WHERE id = ? AND email = 'carol@b1.test'`, w.carol); n != 1 {
			t.Errorf("tenant B's contact was erased")
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM audit_log WHERE action IN ('contact_erased', 'contact_data_exported')`); n != 0 {
			t.Errorf("%d erasures or exports audited", n)
		}
	})
}
