package server_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestSettingsMenu: every settings page shows the menu of all settings areas, each
// with its line, the page's own marked; an agent on the text modules (which agents
// may use) sees no menu of pages they cannot open.
func TestSettingsMenu(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		areas := []string{`href="/admin/settings"`, `href="/admin/settings#staff-signin"`, `href="/admin/settings/mail"`,
			`href="/admin/settings/branding"`, `href="/admin/settings/mails"`, `href="/admin/settings/helpdesk"`,
			`href="/admin/text-modules"`, `href="/admin/settings/helpdesk/blocked"`, `href="/admin/downloads/settings"`}
		for page, current := range map[string]string{
			"/admin/settings": "/admin/settings", "/admin/settings/mail": "/admin/settings/mail",
			"/admin/settings/branding": "/admin/settings/branding", "/admin/settings/mails": "/admin/settings/mails",
			"/admin/settings/helpdesk": "/admin/settings/helpdesk", "/admin/text-modules": "/admin/text-modules",
			"/admin/settings/helpdesk/blocked": "/admin/settings/helpdesk/blocked", "/admin/downloads/settings": "/admin/downloads/settings",
		} {
			r := adm.Get(page)
			nav := r.Body[max(0, strings.Index(r.Body, `<nav class="settings-nav"`)):]
			nav = nav[:max(0, strings.Index(nav, "</nav>"))]
			if r.Status != 200 || nav == "" {
				t.Errorf("%s: %d, no settings menu", page, r.Status)
				continue
			}
			for _, a := range areas {
				if !strings.Contains(nav, a) {
					t.Errorf("%s: menu without %s", page, a)
				}
			}
			if !strings.Contains(nav, `href="`+current+`" aria-current="page"`) || strings.Count(nav, "aria-current") != 1 {
				t.Errorf("%s: current area not marked once", page)
			}
			if !strings.Contains(nav, "Adressen und Domains, deren Mails abgewiesen werden.") {
				t.Errorf("%s: areas without their lines", page)
			}
		}
		d.env.Staff(d.t, staff.RoleAgent, "kim@desk.test", "kim-password")
		kim := d.env.Client("desk.test")
		kim.AdminLogin("kim@desk.test", "kim-password")
		if r := kim.Get("/admin/text-modules"); r.Status != 200 || strings.Contains(r.Body, "settings-nav") {
			t.Errorf("agent's text modules: %d, menu shown", r.Status)
		}
	})
}

// TestSettingsModuleOffAsks: unticking a module that was on is not saved at once: the
// page comes back with the question next to the modules, what was typed kept, and a
// box to confirm; only with it ticked is the module turned off. Leaving the modules
// alone saves without a question.
func TestSettingsModuleOffAsks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		page := adm.Get("/admin/settings").Body
		for _, m := range tenant.Available {
			if !strings.Contains(page, `<input type="hidden" name="modules_were" value="`+m+`">`) {
				t.Fatalf("no modules_were for %s", m)
			}
		}
		form := url.Values{"name": {"Desk Neu"}, "language": {"de"}, "hosts": {"desk.test"},
			"modules_were": tenant.Available, "modules": {"knowledge", "downloads"}}
		r := adm.Post("/admin/settings", form)
		if r.Status != 422 || !strings.Contains(r.Body, "Sie schalten ab: Helpdesk.") || !strings.Contains(r.Body, `name="confirm_off"`) ||
			!strings.Contains(r.Body, `value="Desk Neu"`) {
			t.Fatalf("turning helpdesk off: %d %s", r.Status, flashOf(r.Body))
		}
		modules := func() []string {
			te, err := tenant.Get(context.Background(), d.env.DB, d.t.ID)
			if err != nil {
				t.Fatal(err)
			}
			return te.Modules
		}
		if !slices.Contains(modules(), "helpdesk") {
			t.Fatal("helpdesk turned off without the confirmation")
		}
		form.Set("confirm_off", "1")
		if r := adm.Post("/admin/settings", form); r.Status != 303 {
			t.Fatalf("confirmed: %d %s", r.Status, flashOf(r.Body))
		}
		if slices.Contains(modules(), "helpdesk") {
			t.Error("helpdesk still on after the confirmation")
		}
		// Nothing turned off: no question.
		form = url.Values{"name": {"Desk"}, "language": {"de"}, "hosts": {"desk.test"},
			"modules_were": {"knowledge", "downloads"}, "modules": {"knowledge", "downloads", "helpdesk"}}
		if r := adm.Post("/admin/settings", form); r.Status != 303 {
			t.Errorf("turning on: %d %s", r.Status, flashOf(r.Body))
		}
	})
}
