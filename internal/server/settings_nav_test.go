package server_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
)

// TestSettingsMenu: every settings page shows the menu of all settings areas, each
// with its line, the page's own marked — the editors below an area (a mail template,
// a text module, new or saved) and a form that comes back refused or previewed mark
// their area; an agent on the text modules (which agents may use) sees no menu of
// pages they cannot open.
func TestSettingsMenu(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		areas := []string{`href="/admin/settings"`, `href="/admin/settings#staff-signin"`, `href="/admin/settings/mail"`,
			`href="/admin/settings/branding"`, `href="/admin/settings/mails"`, `href="/admin/settings/helpdesk"`,
			`href="/admin/text-modules"`, `href="/admin/settings/helpdesk/blocked"`, `href="/admin/downloads/settings"`}
		mod, err := textmodule.Save(context.Background(), d.env.DB, textmodule.Module{TenantID: d.t.ID, Name: "Gruß",
			Body: "Viele Grüße", Active: true}, i18n.Languages, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		modPath := "/admin/text-modules/" + itoa64(mod.ID)
		mailPath := "/admin/settings/mails/invitation/de"
		mailForm := url.Values{"subject": {"Einladung"}, "greeting": {"Hallo {{first_name}},"}, "body": {"Willkommen."}, "button": {"Los"}}
		// Each page reached from the menu, the editors below its areas too, and the
		// pages a posted form comes back as (a preview, a refusal).
		for _, pg := range []struct{ method, page, current string }{
			{"GET", "/admin/settings", "/admin/settings"}, {"GET", "/admin/settings/mail", "/admin/settings/mail"},
			{"GET", "/admin/settings/branding", "/admin/settings/branding"}, {"GET", "/admin/settings/mails", "/admin/settings/mails"},
			{"GET", "/admin/settings/helpdesk", "/admin/settings/helpdesk"}, {"GET", "/admin/text-modules", "/admin/text-modules"},
			{"GET", "/admin/settings/helpdesk/blocked", "/admin/settings/helpdesk/blocked"},
			{"GET", "/admin/downloads/settings", "/admin/downloads/settings"},
			{"GET", mailPath, "/admin/settings/mails"}, {"POST", mailPath + "/preview", "/admin/settings/mails"},
			{"POST", mailPath, "/admin/settings/mails"},
			{"GET", "/admin/text-modules/new", "/admin/text-modules"}, {"GET", modPath, "/admin/text-modules"},
			{"POST", modPath, "/admin/text-modules"},
		} {
			page := pg.method + " " + pg.page
			var r apptest.Response
			switch {
			case pg.method == "GET":
				r = adm.Get(pg.page)
			case strings.HasSuffix(pg.page, "/preview"):
				r = adm.Post(pg.page, mailForm)
			default: // refused: a required field left empty comes back as the page
				r = adm.Post(pg.page, url.Values{"subject": {""}, "name": {""}, "body": {""}})
			}
			nav := r.Body[max(0, strings.Index(r.Body, `<nav class="settings-nav"`)):]
			nav = nav[:max(0, strings.Index(nav, "</nav>"))]
			if (r.Status != 200 && r.Status != 422) || nav == "" {
				t.Errorf("%s: %d, no settings menu", page, r.Status)
				continue
			}
			for _, a := range areas {
				if !strings.Contains(nav, a) {
					t.Errorf("%s: menu without %s", page, a)
				}
			}
			if !strings.Contains(nav, `href="`+pg.current+`" aria-current="page"`) || strings.Count(nav, "aria-current") != 1 {
				t.Errorf("%s: current area not marked once", page)
			}
			if !strings.Contains(nav, "Adressen und Domains, deren Mails abgewiesen werden.") {
				t.Errorf("%s: areas without their lines", page)
			}
		}
		d.env.Staff(d.t, staff.RoleAgent, "kim@desk.test", "kim-password")
		kim := d.env.Client("desk.test")
		kim.AdminLogin("kim@desk.test", "kim-password")
		for _, page := range []string{"/admin/text-modules", "/admin/text-modules/new", modPath} {
			if r := kim.Get(page); r.Status != 200 || strings.Contains(r.Body, "settings-nav") {
				t.Errorf("agent's %s: %d, menu shown", page, r.Status)
			}
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
