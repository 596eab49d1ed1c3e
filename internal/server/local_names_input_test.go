package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestLocalNamesInput: on a category's and a folder's "Translations" page, a name
// longer than the main name may be or holding a control character comes back with a
// message next to its field in the agent's language and everything typed still in
// the form; nothing is stored and nothing audited. Another tenant's category or
// folder, and ids that are none, are a 404 that stores no name.
func TestLocalNamesInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		other := env.Tenant("Fremd GmbH", "b.test")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		cat, folder := kbCategory(t, env, ten, "Erste Schritte"), seedFolder(t, env, ten.ID, 0, "Verträge").ID
		de := i18n.For("de")
		for _, c := range []struct {
			name, path, lang, value, msg string
		}{
			{"category too long", "/admin/kb/categories/" + id(cat) + "/names", "en", strings.Repeat("k", 101),
				de.T("error.too_long", map[string]any{"Max": 100})},
			{"category control", "/admin/kb/categories/" + id(cat) + "/names", "he", "צעדים\x01ראשונים", de.T("error.control")},
			{"folder too long", "/admin/downloads/folders/" + id(folder) + "/names", "fr", strings.Repeat("é", 121),
				de.T("error.too_long", map[string]any{"Max": 120})},
			{"folder control", "/admin/downloads/folders/" + id(folder) + "/names", "th", "สัญญา\x7f", de.T("error.control")},
		} {
			t.Run(c.name, func(t *testing.T) {
				form := url.Values{"name_" + c.lang: {c.value}, "name_da": {"Godt typet"}}
				r := agent.Post(c.path, form)
				if r.Status != 422 {
					t.Fatalf("%d, want 422", r.Status)
				}
				field := `id="name-` + c.lang + `-e"`
				if i := strings.Index(r.Body, field); i < 0 || !strings.Contains(r.Body[i:], c.msg) {
					t.Errorf("no message %q next to the field", c.msg)
				}
				if !strings.Contains(r.Body, `value="Godt typet"`) {
					t.Errorf("the valid name typed beside it is lost")
				}
				if !strings.Contains(c.value, "\x01") && !strings.Contains(c.value, "\x7f") && !strings.Contains(r.Body, `value="`+c.value+`"`) {
					t.Errorf("the refused name is not in the form")
				}
			})
		}
		if n := count(t, env, `SELECT (SELECT COUNT(*) FROM kb_category_names) + (SELECT COUNT(*) FROM download_folder_names)`); n != 0 {
			t.Errorf("%d names stored from refused forms", n)
		}

		foreignCat, foreignFolder := kbCategory(t, env, other, "Fremd"), seedFolder(t, env, other.ID, 0, "Fremder Ordner").ID
		for _, p := range []string{"/admin/kb/categories/" + id(foreignCat) + "/names", "/admin/downloads/folders/" + id(foreignFolder) + "/names",
			"/admin/kb/categories/0/names", "/admin/kb/categories/abc/names", "/admin/downloads/folders/999999/names"} {
			if r := agent.Get(p); r.Status != 404 || strings.Contains(r.Body, "Fremd") {
				t.Errorf("GET %s: %d, want 404", p, r.Status)
			}
			if r := agent.Post(p, url.Values{"name_en": {"Stolen"}}); r.Status != 404 {
				t.Errorf("POST %s: %d, want 404", p, r.Status)
			}
		}
		if n := count(t, env, `SELECT (SELECT COUNT(*) FROM kb_category_names) + (SELECT COUNT(*) FROM download_folder_names)
			+ (SELECT COUNT(*) FROM audit_log WHERE action IN ('kb_category_names', 'download_folder_names'))`); n != 0 {
			t.Errorf("%d names or entries for refused requests", n)
		}
	})
}
