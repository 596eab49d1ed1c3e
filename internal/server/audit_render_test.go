package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestAuditLogReadable: the audit log names actors by name and address with a
// translated kind instead of "staff:1 …", and translates the details access writes
// (roles, "inactive", an email change, a contact's own field changes), in German and
// English, while the stored entries stay as written.
func TestAuditLogReadable(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx, now := context.Background(), time.Now()
		ten := env.Tenant("Service GmbH")
		boss := env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		co := env.Company(ten, "Kunde AG")
		anna := env.Contact(ten, "anna@kunde.test", "anna-password-1", "main", co)
		by := access.StaffActor(boss.ID, boss.Email)
		for _, en := range []struct{ actor, action, target string }{
			{by, audit.StaffChanged, "agent@service.test (agent, inactive)"},
			{by, audit.RoleChanged, "anna@kunde.test @ Kunde AG (main → user)"},
			{by, audit.ContactChanged, "email anna@alt.test → anna@kunde.test"},
			{access.ContactActor(anna.ID, anna.Email), audit.ContactChanged, "first_name: Ana → Anna; phone:  → 0711 1"},
			{"fremd@kunde.test", audit.LoginFailed, ""},
		} {
			if err := audit.Log(ctx, env.DB, ten.ID, en.actor, en.action, en.target, "10.0.0.1", now); err != nil {
				t.Fatal(err)
			}
		}
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		page := c.Get("/admin/audit").Body
		for _, want := range []string{"Mitarbeitende", "Kontakt", "(Sachbearbeitung, deaktiviert)", "(Hauptkontakt → Benutzer)",
			"E-Mail-Adresse: anna@alt.test → anna@kunde.test", "Vorname: Ana → Anna; Telefon: – → 0711 1", "fremd@kunde.test"} {
			if !strings.Contains(page, want) {
				t.Errorf("German audit log lacks %q", want)
			}
		}
		for _, raw := range []string{"staff:", "contact:", "(agent, inactive)", "(main → user)", "email anna@alt.test"} {
			if strings.Contains(page, raw) {
				t.Errorf("German audit log shows raw %q", raw)
			}
		}
		c.Post("/admin/language", url.Values{"language": {"en"}})
		page = c.Get("/admin/audit").Body
		for _, want := range []string{"Staff", "(Agent, deactivated)", "(Main contact → User)", "First name: Ana → Anna"} {
			if !strings.Contains(page, want) {
				t.Errorf("English audit log lacks %q", want)
			}
		}
		var stored string
		env.DB.QueryRow(ctx, `SELECT target FROM audit_log WHERE action = ? ORDER BY id LIMIT 1`, audit.StaffChanged).Scan(&stored)
		if stored != "agent@service.test (agent, inactive)" {
			t.Errorf("stored entry changed: %q", stored)
		}
	})
}
