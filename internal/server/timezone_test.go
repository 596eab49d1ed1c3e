package server_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTenantTimeZone: two tenants, one in Berlin (the default) and one whose admin chose
// New York in the settings, see the same instant — a ticket written at 23:30 UTC on New
// Year's Eve — each in their own zone, named by its abbreviation, on portal and back
// office pages; a zone the server does not know is refused next to the field with the
// typed value kept.
func TestTenantTimeZone(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ctx := apptest.Start(t, e), context.Background()
		eve := time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)
		type side struct {
			ten    tenant.Tenant
			admin  *apptest.Client
			portal *apptest.Client
			ticket int64
		}
		open := func(name, host string) side {
			ten := env.Tenant(name, host)
			co := env.Company(ten, "Kunde "+name)
			ct := env.Contact(ten, "kontakt@"+host, "contact-password-1", "main", co)
			if err := contact.SetLanguage(ctx, env.DB, ten.ID, ct.ID, "de"); err != nil {
				t.Fatal(err)
			}
			env.Staff(ten, staff.RoleAdmin, "admin@"+host, "admin-password-2026")
			s := side{ten: ten, admin: env.Client(host), portal: env.Client(host)}
			s.admin.AdminLogin("admin@"+host, "admin-password-2026")
			s.portal.Login("kontakt@"+host, "contact-password-1")
			err := env.DB.InTx(ctx, func(tx *db.Tx) error {
				var err error
				s.ticket, err = ticket.Create(ctx, tx, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID,
					Author: "Kontakt", Title: "Silvester", Body: "Kurz vor Mitternacht", Priority: ticket.PriorityNormal}, eve)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		berlin, ny := open("Berlin", "berlin.test"), open("New York", "ny.test")

		settings := func(zone []string) url.Values {
			v := url.Values{"name": {"New York"}, "language": {"de"}, "modules": tenant.Available, "hosts": {"ny.test"}}
			if zone != nil {
				v["time_zone"] = zone
			}
			return v
		}
		for _, bad := range []string{"Mars/Olympus_Mons", "Local", "", "Europe/Berlinn"} {
			r := ny.admin.Post("/admin/settings", settings([]string{bad}))
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-time_zone"`) || !strings.Contains(r.Body, "keine bekannte Zeitzone") {
				t.Errorf("zone %q: %d, want 422 with the message next to the field", bad, r.Status)
			}
			if bad != "" && !strings.Contains(r.Body, `<option value="`+bad+`" selected>`) {
				t.Errorf("zone %q: the typed value is not kept", bad)
			}
		}
		if got, _ := tenant.Get(ctx, env.DB, ny.ten.ID); got.TimeZone != "Europe/Berlin" {
			t.Fatalf("a refused zone was stored: %q", got.TimeZone)
		}
		if r := ny.admin.Post("/admin/settings", settings([]string{"America/New_York"})); r.Status != 303 {
			t.Fatalf("save zone: %d %.300s", r.Status, r.Body)
		}
		if body := ny.admin.Get("/admin/settings").Body; !strings.Contains(body, `<option value="America/New_York" selected>`) {
			t.Error("the settings do not show the chosen zone")
		}
		// A script that posts the form without the field keeps the zone.
		if r := ny.admin.Post("/admin/settings", settings(nil)); r.Status != 303 {
			t.Fatalf("save without zone: %d", r.Status)
		}
		if got, _ := tenant.Get(ctx, env.DB, ny.ten.ID); got.TimeZone != "America/New_York" {
			t.Errorf("saving without the field changed the zone to %q", got.TimeZone)
		}

		for _, c := range []struct {
			who  side
			want string
		}{
			{berlin, "01.01.2027, 00:30 CET"},
			{ny, "31.12.2026, 18:30 EST"},
		} {
			id := strconv.FormatInt(c.who.ticket, 10)
			for page, body := range map[string]string{
				"portal ticket":      c.who.portal.Get("/tickets/" + id).Body,
				"portal list":        c.who.portal.Get("/tickets?state=all").Body,
				"back office ticket": c.who.admin.Get("/admin/tickets/" + id).Body,
			} {
				if !strings.Contains(body, c.want) || strings.Contains(body, "23:30 UTC") {
					t.Errorf("%s, %s: no %q", c.who.ten.Name, page, c.want)
				}
			}
		}

		// The audit log names the zone in each time, not in the column header.
		nyZone, _ := time.LoadLocation("America/New_York")
		abbr := time.Now().In(nyZone).Format("MST")
		body := ny.admin.Get("/admin/audit").Body
		if strings.Contains(body, "(UTC)") || !strings.Contains(body, " "+abbr+"</time>") {
			t.Errorf("audit log: want times in %s and no (UTC) header", abbr)
		}
		if body := berlin.admin.Get("/admin/outbox").Body; strings.Contains(body, "(UTC)") {
			t.Error("outbox header still says (UTC)")
		}
	})
}
