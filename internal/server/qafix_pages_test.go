package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestQAFixReportYearRange: a well-written date outside the years a report covers says
// so, not that the date is badly written; the CSV export refuses it the same way.
func TestQAFixReportYearRange(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newReportWorld(t, e)
		const msg = "Choose a date between the years 2000 and 2999."
		for _, c := range []struct{ query, typed string }{
			{"from=1900-01-01&to=2026-11-23", `value="1900-01-01"`},
			{"from=2026-01-01&to=3000-01-01", `value="3000-01-01"`},
		} {
			r := w.staffC.Get("/admin/reports?" + c.query)
			if r.Status != 200 || !strings.Contains(r.Body, msg) || strings.Contains(r.Body, "year-month-day") ||
				!strings.Contains(r.Body, c.typed) || strings.Contains(r.Body, "report-number") {
				t.Errorf("%s: %d, year message %v, format message %v, typed %v", c.query, r.Status, strings.Contains(r.Body, msg),
					strings.Contains(r.Body, "year-month-day"), strings.Contains(r.Body, c.typed))
			}
			if x := w.staffC.Post("/admin/reports/tickets.csv?"+c.query, nil); x.Status != 422 || !strings.Contains(x.Body, msg) {
				t.Errorf("CSV %s: %d", c.query, x.Status)
			}
		}
	})
}

// groupedKey is the two-factor key as the setup page shows it: groups of four.
var groupedKey = regexp.MustCompile(`id="totp-secret"[^>]*>([A-Z2-7]{4}(?: [A-Z2-7]{1,4})+)</code>`)

// TestQAFixTOTPKeyGroups: the portal's and the back office's two-factor setup show the
// key for typing by hand in groups of four, while the page keeps the plain key (the
// one in the QR code) for copying.
func TestQAFixTOTPKeyGroups(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Contact(ten, "anna@kunde.test", "anna-password-1", "main", env.Company(ten, "Kunde AG"))
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")
		portal := env.Client("a.test")
		portal.Login("anna@kunde.test", "anna-password-1")
		back := env.Client("a.test")
		back.AdminLogin("admin@service.test", "admin-password-1")
		for who, c := range map[string]struct {
			client *apptest.Client
			path   string
		}{"portal": {portal, "/account/twofactor/setup"}, "admin": {back, "/admin/account/twofactor/setup"}} {
			if r := c.client.Post(c.path, nil); r.Status != 303 {
				t.Fatalf("%s: start setup: %d", who, r.Status)
			}
			page := c.client.Get(c.path).Body
			plain, grouped := secretRE.FindStringSubmatch(page), groupedKey.FindStringSubmatch(page)
			if plain == nil || grouped == nil {
				t.Errorf("%s: key not shown in groups of four: %v %v", who, plain, grouped)
				continue
			}
			if strings.ReplaceAll(grouped[1], " ", "") != plain[1] {
				t.Errorf("%s: grouped key %q is not the key %q", who, grouped[1], plain[1])
			}
			if !strings.Contains(page, "secret="+plain[1]) && !strings.Contains(decodeQR(t, qrRE.FindStringSubmatch(page)[1]), "secret="+plain[1]) {
				t.Errorf("%s: the QR code holds another key than %s", who, plain[1])
			}
		}
	})
}

// TestQAFixSetupLanguage: the first admin's setup done in French makes French the
// fresh tenant's default language; a setup in the browser's default (none stated)
// leaves German, and a tenant whose language was set on purpose keeps it.
func TestQAFixSetupLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		setup := func(ten tenant.Tenant, host, lang, email string) string {
			t.Helper()
			link, err := env.App.Access.SetupLink(ctx, ten.ID, env.Srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			c := env.Client(host)
			if lang != "" {
				c.SetCookie("pforte_lang", lang)
			}
			path := strings.TrimPrefix(link, env.Srv.URL)
			if r := c.Post(path, url.Values{"name": {"Ada Admin"}, "email": {email}, "password": {"ada-password-1"},
				"password_confirm": {"ada-password-1"}}); r.Status != 303 {
				t.Fatalf("setup in %q: %d", lang, r.Status)
			}
			got, err := tenant.Get(ctx, env.DB, ten.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got.DefaultLanguage
		}
		fresh := env.Tenant("Neu GmbH")
		if got := setup(fresh, "", "fr", "ada@neu.test"); got != "fr" {
			t.Errorf("setup in French: tenant language %q, want fr", got)
		}
		// The portal greets visitors who state no language in French now.
		if r := env.Client("").Get("/login"); !strings.Contains(r.Body, `lang="fr"`) {
			t.Errorf("login page after a French setup is not French")
		}
		plain := env.Tenant("Zwei GmbH", "zwei.test")
		if got := setup(plain, "zwei.test", "", "ada@zwei.test"); got != "de" {
			t.Errorf("setup without a language: tenant language %q, want de", got)
		}
		chosen := env.Tenant("Drei GmbH", "drei.test")
		if err := tenant.SetDefaultLanguage(ctx, env.DB, chosen.ID, "nl"); err != nil {
			t.Fatal(err)
		}
		if got := setup(chosen, "drei.test", "fr", "ada@drei.test"); got != "nl" {
			t.Errorf("setup in French changed a chosen language: %q, want nl", got)
		}
	})
}

// TestQAFixFrenchColon: French sets a space before a colon: the inbox's chosen company
// and a download search result's folder.
func TestQAFixFrenchColon(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := newDesk(t, e)
		if err := tenant.SetSupportAddresses(ctx, d.env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := staff.SetLanguage(ctx, d.env.DB, d.t.ID, d.admin.ID, "fr"); err != nil {
			t.Fatal(err)
		}
		item := inboxMail(t, d, d.env.ListenInbound(), "Greta Gamma <greta@gamma.test>", "support@desk.test", "Heizung",
			"Die Heizung ist aus.", "")
		sc := d.env.Client("desk.test")
		sc.AdminLogin("agent@desk.test", "agent-password")
		if r := sc.Get("/admin/inbox/" + id(item) + "?company=" + id(d.a.ID)); !strings.Contains(r.Body, "Entreprise\u00a0: <strong>Alpha GmbH") {
			t.Errorf("inbox: no space before the colon: %d", r.Status)
		}
		if err := contact.SetLanguage(ctx, d.env.DB, d.t.ID, d.alice, "fr"); err != nil {
			t.Fatal(err)
		}
		folder := seedFolder(t, d.env, d.t.ID, 0, "Contrats")
		seedDownload(t, d.env, d.t.ID, "Guide chauffage", folder.ID, nil, []byte("guide"))
		c := d.as("alice@alpha.test", "alice-password")
		if r := c.Get("/downloads?q=chauffage"); !strings.Contains(r.Body, "Dossier\u00a0:") || !strings.Contains(r.Body, "Contrats") {
			t.Errorf("downloads search: no space before the colon: %d", r.Status)
		}
	})
}
