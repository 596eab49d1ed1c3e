package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
)

// moduleForm is a text module's editor form.
func moduleForm(name, shortcut, lang, body string, active bool) url.Values {
	f := url.Values{"name": {name}, "shortcut": {shortcut}, "language": {lang}, "body": {body}}
	if active {
		f.Set("active", "1")
	}
	return f
}

// moduleID finds a module of the tenant by name.
func moduleID(t *testing.T, h *helpdesk, name string) int64 {
	t.Helper()
	var id int64
	if err := h.env.DB.QueryRow(context.Background(), `SELECT id FROM text_modules WHERE tenant_id = ? AND name = ?`,
		h.ten.ID, name).Scan(&id); err != nil {
		t.Fatalf("module %q: %v", name, err)
	}
	return id
}

// TestTextModulesManage: an agent (not only an admin) creates, edits, deactivates and
// deletes text modules; bad input comes back next to its field in the agent's language
// with everything typed kept, and every change is in the audit log.
func TestTextModulesManage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if r := agent.Get("/admin/text-modules"); r.Status != 200 || !strings.Contains(r.Body, `href="/admin/text-modules/new"`) {
			t.Fatalf("list as agent: %d", r.Status)
		}
		if r := agent.Get("/admin/text-modules/new"); r.Status != 200 || !strings.Contains(r.Body, "{{staff_name}}") ||
			!strings.Contains(r.Body, "{{first_name}}") || !strings.Contains(r.Body, "{{link}}") {
			t.Fatalf("editor does not list the placeholders: %d", r.Status)
		}
		r := agent.Post("/admin/text-modules", moduleForm("Druckerneustart", "drucker", "de",
			"Hallo {{first_name}},\nbitte starten Sie den Drucker neu.\n{{staff_name}}", true))
		if r.Status != 303 || r.Location != "/admin/text-modules" {
			t.Fatalf("create: %d %.300s", r.Status, r.Body)
		}
		id := moduleID(t, h, "Druckerneustart")

		for _, tc := range []struct {
			name   string
			form   url.Values
			expect string // German message shown next to the field
		}{
			{"empty name", moduleForm("  ", "", "", "Text KEEP-1", true), "Bitte füllen Sie dieses Feld aus"},
			{"empty body", moduleForm("Name KEEP-1", "", "", "   ", true), "Bitte füllen Sie dieses Feld aus"},
			{"name too long", moduleForm(strings.Repeat("N", textmodule.MaxName+1), "", "", "Text KEEP-1", true), "höchstens"},
			{"body too long", moduleForm("Name KEEP-1", "", "", "KEEP-1"+strings.Repeat("b", textmodule.MaxBody), true), "höchstens"},
			{"duplicate name", moduleForm("DRUCKERNEUSTART", "", "", "Text KEEP-1", true), "Ein anderer Textbaustein hat bereits diesen Namen"},
			{"duplicate shortcut", moduleForm("Name KEEP-1", "Drucker", "", "Text", true), "bereits dieses Kürzel"},
			{"bad shortcut", moduleForm("Name KEEP-1", "zwei worte", "", "Text", true), "ohne Leerzeichen"},
			{"unknown placeholder", moduleForm("Name", "", "", "Hallo {{vorname}} KEEP-1", true), "Den Platzhalter {{vorname}} gibt es in Textbausteinen nicht"},
			{"broken braces", moduleForm("Name", "", "", "Hallo {{first_name KEEP-1", true), "unvollständig"},
			{"bad language", moduleForm("Name KEEP-1", "", "xx", "Text", true), "Bitte wählen Sie eine der angebotenen Sprachen"},
		} {
			r := agent.Post("/admin/text-modules", tc.form)
			body := html.UnescapeString(r.Body)
			if r.Status != 422 || !strings.Contains(body, tc.expect) || !strings.Contains(body, "KEEP-1") {
				t.Errorf("%s: %d, message or typed text missing:\n%.300s", tc.name, r.Status, extractErrors(body))
			}
		}
		// Editing keeps the rules: another module's name is refused, on the edit page.
		agent.Post("/admin/text-modules", moduleForm("Abschluss", "", "", "Viele Grüße", true))
		r = agent.Post("/admin/text-modules/"+itoa64(id), moduleForm("abschluss", "", "de", "x", true))
		if r.Status != 422 || !strings.Contains(r.Body, "bereits diesen Namen") {
			t.Errorf("rename onto another name: %d", r.Status)
		}
		r = agent.Post("/admin/text-modules/"+itoa64(id), moduleForm("Drucker neu starten", "drucker", "en", "Hi {{first_name}}", true))
		if r.Status != 303 {
			t.Fatalf("edit: %d %.300s", r.Status, r.Body)
		}
		m, err := textmodule.Get(context.Background(), h.env.DB, h.ten.ID, id)
		if err != nil || m.Name != "Drucker neu starten" || m.Language != "en" || m.Body != "Hi {{first_name}}" || !m.Active {
			t.Fatalf("after edit: %+v %v", m, err)
		}
		// Deactivate from the list, then delete.
		if r := agent.Post("/admin/text-modules/"+itoa64(id)+"/active", url.Values{"active": {"0"}}); r.Status != 303 {
			t.Fatalf("deactivate: %d", r.Status)
		}
		if m, _ := textmodule.Get(context.Background(), h.env.DB, h.ten.ID, id); m.Active {
			t.Error("still active")
		}
		if r := agent.Get("/admin/text-modules"); !strings.Contains(r.Body, "Inaktiv") || !strings.Contains(r.Body, "Drucker neu starten") {
			t.Error("list does not show the inactive module")
		}
		if r := agent.Post("/admin/text-modules/"+itoa64(id)+"/delete", nil); r.Status != 303 {
			t.Fatalf("delete: %d", r.Status)
		}
		if r := agent.Get("/admin/text-modules/" + itoa64(id)); r.Status != 404 {
			t.Errorf("deleted module: %d", r.Status)
		}
		for _, action := range []string{"text_module_created", "text_module_changed", "text_module_deleted"} {
			if n := count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ? AND actor LIKE 'staff:%'`,
				h.ten.ID, action); n == 0 {
				t.Errorf("no audit entry %s", action)
			}
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'text_module_changed' AND target LIKE '%(inactive)%'`); n != 1 {
			t.Errorf("deactivation not named in the audit log: %d", n)
		}
	})
}

// extractErrors keeps a failing page's error messages for the test log.
func extractErrors(body string) string {
	var out []string
	for _, part := range strings.Split(body, `class="error-msg"`)[1:] {
		if i := strings.Index(part, "</p>"); i > 0 {
			out = append(out, part[:i])
		}
	}
	return strings.Join(out, " | ")
}
