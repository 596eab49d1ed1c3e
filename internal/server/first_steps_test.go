package server_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

const firstStepsPanel = `id="first-steps-h"`

// firstStepDone reports whether the dashboard shows step id as done: the item has the
// class, the check mark and the word, not the colour alone.
func firstStepDone(t *testing.T, page, id string) bool {
	t.Helper()
	i := strings.Index(page, `id="first-step-`+id+`"`)
	if i < 0 {
		t.Fatalf("dashboard lacks the step %q", id)
	}
	item := page[strings.LastIndex(page[:i], "<li"):]
	item = item[:strings.Index(item, "</li>")]
	de := i18n.For("de")
	done := strings.Contains(item, "done") && strings.Contains(item, "✓") &&
		strings.Contains(item, `<span class="badge ok">`+de.T("first_steps.done")+`</span>`)
	open := strings.Contains(item, `<span class="sr-only">`+de.T("first_steps.open")+`</span>`)
	if done == open {
		t.Fatalf("step %q is neither clearly done nor clearly open: %s", id, item)
	}
	return done
}

// TestFirstSteps: a fresh tenant's admin (signed in on localhost, as serve prints,
// no mail server) sees the first steps with every step open; creating a company,
// inviting a contact, entering a mail server and the portal's address tick them off
// one by one, from the data; with all required steps done the panel is gone.
func TestFirstSteps(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")
		c := env.Client("") // 127.0.0.1: the address the sign-in remembers is local
		c.AdminLogin("admin@service.test", "admin-password-1")
		de := i18n.For("de")

		page := c.Get("/admin/").Body
		if !strings.Contains(page, firstStepsPanel) || !strings.Contains(page, de.T("first_steps.progress", map[string]any{"Done": 0, "All": 4})) {
			t.Fatalf("a fresh tenant's dashboard lacks the first steps: %.2000s", page)
		}
		for _, id := range []string{"address", "mail", "company", "access", "categories", "staff", "access_rules"} {
			if firstStepDone(t, page, id) {
				t.Errorf("fresh tenant: step %q shows as done", id)
			}
		}
		// Each step leads to its page, and to the part of it where the step is done.
		for _, href := range []string{"/admin/settings#f-portal_url", "/admin/settings/mail", "/admin/companies/new",
			"/admin/contacts", "/admin/settings/helpdesk#categories-h", "/admin/staff#new-staff-h",
			"/admin/settings#f-feature-password_reset"} {
			if !strings.Contains(page, `href="`+href+`"`) {
				t.Errorf("no step leads to %s", href)
			}
			path, anchor, _ := strings.Cut(href, "#")
			if r := c.Get(path); r.Status != 200 || (anchor != "" && !strings.Contains(r.Body, `id="`+anchor+`"`)) {
				t.Errorf("%s: %d, or no element %q", path, r.Status, anchor)
			}
		}

		// "Main contacts approve" alone does not tick off the access rules (it needs
		// self-registration); switching on "forgot password" does.
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureMainApproves}); err != nil {
			t.Fatal(err)
		}
		env.App.Env.ForgetTenants()
		if firstStepDone(t, c.Get("/admin/").Body, "access_rules") {
			t.Error("the access rules step is done with only main contacts approving")
		}
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		env.App.Env.ForgetTenants()
		if !firstStepDone(t, c.Get("/admin/").Body, "access_rules") {
			t.Error("the access rules step is open with forgot password on")
		}

		// The first company.
		if r := c.Post("/admin/companies", url.Values{"name": {"Kunde AG"}}); r.Status != 303 {
			t.Fatalf("create company: %d %.300s", r.Status, r.Body)
		}
		page = c.Get("/admin/").Body
		if !firstStepDone(t, page, "company") || firstStepDone(t, page, "access") {
			t.Errorf("after the first company: company not done, or access done")
		}

		// A contact of it invited to the portal.
		var coID int64
		if err := env.DB.QueryRow(context.Background(), `SELECT id FROM companies WHERE tenant_id = ?`, ten.ID).Scan(&coID); err != nil {
			t.Fatal(err)
		}
		r := c.Post("/admin/contacts", url.Values{"first_name": {"Kim"}, "last_name": {"Kunde"}, "email": {"kim@kunde.test"},
			"company_id": {itoa64(coID)}, "role": {"user"}, "language": {"de"}})
		if r.Status != 303 {
			t.Fatalf("create contact: %d %.300s", r.Status, r.Body)
		}
		if firstStepDone(t, c.Get("/admin/").Body, "access") {
			t.Errorf("a contact without portal access ticks off the access step")
		}
		var mID int64
		if err := env.DB.QueryRow(context.Background(), `SELECT id FROM memberships WHERE tenant_id = ?`, ten.ID).Scan(&mID); err != nil {
			t.Fatal(err)
		}
		if r := c.Post("/admin/memberships/"+itoa64(mID)+"/grant", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("grant: %d %.300s", r.Status, r.Body)
		}
		page = c.Get("/admin/").Body
		if !firstStepDone(t, page, "access") || firstStepDone(t, page, "mail") {
			t.Errorf("after an invitation: access not done, or mail done")
		}

		// The tenant's own mail server.
		r = c.Post("/admin/settings/mail", url.Values{"smtp_url": {"smtp://mail.service.test:587"}, "mail_from": {"portal@service.test"}})
		if r.Status != 303 {
			t.Fatalf("mail settings: %d %.500s", r.Status, r.Body)
		}
		page = c.Get("/admin/").Body
		if !firstStepDone(t, page, "mail") || firstStepDone(t, page, "address") {
			t.Errorf("after the mail server: mail not done, or the localhost address done")
		}
		if !strings.Contains(page, de.T("first_steps.progress", map[string]any{"Done": 3, "All": 4})) {
			t.Errorf("progress is not 3 of 4")
		}

		// The optional steps are ticked off too, and need not be for the panel to go.
		if r := c.Post("/admin/staff", url.Values{"name": {"Alex"}, "email": {"alex@service.test"}, "role": {"agent"}}); r.Status != 303 {
			t.Fatalf("invite staff: %d %.300s", r.Status, r.Body)
		}
		if !firstStepDone(t, c.Get("/admin/").Body, "staff") {
			t.Errorf("after inviting an agent the staff step is open")
		}

		// The portal's address; with it every required step is done and the panel goes.
		var mods []string
		for _, m := range ten.Modules {
			if tenant.ModuleAvailable(m) {
				mods = append(mods, m)
			}
		}
		r = c.Post("/admin/settings", url.Values{"name": {"Service GmbH"}, "language": {"de"}, "modules": mods,
			"modules_were": mods, "portal_url": {"https://portal.service.test"}, "time_zone": {"Europe/Berlin"}})
		if r.Status != 303 {
			t.Fatalf("settings: %d %.300s", r.Status, r.Body)
		}
		page = c.Get("/admin/").Body
		if strings.Contains(page, firstStepsPanel) || strings.Contains(page, "/admin/first-steps/hide") {
			t.Errorf("with every required step done the panel stays")
		}
		if !strings.Contains(page, `class="tiles"`) {
			t.Errorf("the dashboard lost its tiles")
		}
	})
}

// TestFirstStepsHide: "Hide these steps" hides them for good, for every admin of the
// tenant, and is audited; an agent sees no first steps and cannot hide them; a hide
// sent from another site is refused and changes nothing.
func TestFirstStepsHide(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		c := env.Client("")
		c.AdminLogin("admin@service.test", "admin-password-1")
		ag := env.Client("")
		ag.AdminLogin("agent@service.test", "agent-password-1")

		// The agent: no panel, and the hide route is not theirs.
		if page := ag.Get("/admin/").Body; strings.Contains(page, firstStepsPanel) || !strings.Contains(page, `class="tiles"`) {
			t.Errorf("an agent sees the first steps, or no dashboard")
		}
		if r := ag.Post("/admin/first-steps/hide", nil); r.Status != 404 {
			t.Errorf("agent's hide: %d, want 404", r.Status)
		}

		page := c.Get("/admin/").Body
		if !strings.Contains(page, firstStepsPanel) || !strings.Contains(page, `action="/admin/first-steps/hide"`) {
			t.Fatalf("admin's dashboard lacks the first steps and their hide button")
		}
		// An agent exists: the optional staff step is done, the panel still shows.
		if !firstStepDone(t, page, "staff") {
			t.Errorf("with an agent the staff step is open")
		}

		// From another site: refused, nothing hidden.
		for _, hdr := range []map[string]string{{"Sec-Fetch-Site": "cross-site"}, {"Origin": "http://evil.example"}} {
			if status := adminPost(t, env, c, "/admin/first-steps/hide", hdr); status != 403 {
				t.Errorf("cross-origin hide %v: %d, want 403", hdr, status)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tenants WHERE id = ? AND first_steps_hidden_at <> 0`, ten.ID); n != 0 {
			t.Fatalf("a cross-origin request hid the first steps")
		}
		if !strings.Contains(c.Get("/admin/").Body, firstStepsPanel) {
			t.Errorf("the panel is gone after a refused hide")
		}

		r := c.Post("/admin/first-steps/hide", nil)
		if r.Status != 303 || r.Location != "/admin/" {
			t.Fatalf("hide: %d %q", r.Status, r.Location)
		}
		page = c.Get("/admin/").Body
		if strings.Contains(page, firstStepsPanel) || !strings.Contains(page, i18n.For("de").T("first_steps.hidden")) {
			t.Errorf("after hiding: panel shown, or no word that it was hidden")
		}
		if strings.Contains(c.Get("/admin/").Body, firstStepsPanel) {
			t.Errorf("the panel came back on the next visit")
		}
		// Another admin's dashboard has none either: the choice is the tenant's.
		env.Staff(ten, staff.RoleAdmin, "admin2@service.test", "admin-password-2")
		c2 := env.Client("")
		c2.AdminLogin("admin2@service.test", "admin-password-2")
		if strings.Contains(c2.Get("/admin/").Body, firstStepsPanel) {
			t.Errorf("another admin still sees the hidden steps")
		}
		// A second hide (another tab) changes nothing and is not audited again.
		if r := c.Post("/admin/first-steps/hide", nil); r.Status != 303 {
			t.Errorf("second hide: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ? AND target = ?`,
			ten.ID, audit.SettingsChanged, "first steps hidden"); n != 1 {
			t.Errorf("%d audit entries for hiding, want 1", n)
		}
		audits := c.Get("/admin/audit").Body
		if !strings.Contains(audits, i18n.For("de").T("audit_details.first_steps_hidden")) {
			t.Errorf("the audit log does not say in words that the steps were hidden")
		}
	})
}

// TestFirstStepsInstallMail: with PFORTE_SMTP_URL set the installation's server
// carries every tenant's mail, so the mail step is done without a server of the
// tenant's own.
func TestFirstStepsInstallMail(t *testing.T) {
	env := apptest.Start(t, db.SQLite, apptest.Options{SMTPURL: "smtp://127.0.0.1:1"})
	ten := env.Tenant("Service GmbH")
	env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")
	c := env.Client("")
	c.AdminLogin("admin@service.test", "admin-password-1")
	page := c.Get("/admin/").Body
	if !firstStepDone(t, page, "mail") || firstStepDone(t, page, "address") {
		t.Errorf("with PFORTE_SMTP_URL the mail step is open, or the address step done")
	}
}

// adminPost sends an empty POST with the client's back-office session and extra
// headers, and returns the status.
func adminPost(t *testing.T, env *apptest.Env, c *apptest.Client, path string, hdr map[string]string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, env.Srv.URL+path, strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: web.AdminCookie, Value: c.Cookie(web.AdminCookie)})
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	hc := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	return res.StatusCode
}
