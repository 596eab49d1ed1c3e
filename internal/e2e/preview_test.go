package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestStaffPreview: an agent opens the portal as a contact from the contact's page in
// the back office; the portal shows the banner, the tenant's branding and the contact's
// home; saving the account details is refused and changes nothing; ending the preview
// returns to the contact's page.
func TestStaffPreview(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		if err := tenant.SetBranding(ctx, env.DB, ten.ID, tenant.Branding{Title: "Demo Kundenportal"}); err != nil {
			t.Fatal(err)
		}
		co := env.Company(ten, companyName)
		ct := env.Contact(ten, contactEmail, contactPass, "main", co)
		env.DB.Exec(ctx, `UPDATE contacts SET first_name = ?, phone = '0421 123' WHERE id = ?`, contactFirst, ct.ID)
		env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026")
		contactPath := "/admin/contacts/" + strconv.FormatInt(ct.ID, 10)

		s := newSession(t, browser, env.Srv.URL, "agent")
		s.open("/admin/login", "#f-email")
		s.fill("email", "agent@demo-service.test")
		s.fill("password", "agent-password-2026")
		s.clickTo(`form[action="/admin/login"] button[type="submit"]`, "main h1")
		s.open(contactPath, "#preview-h")
		s.clickTo(`form[action="`+contactPath+`/preview"] button[type="submit"]`, ".banner")
		s.expectPath("/")
		banner := s.text(".banner")
		if !strings.Contains(banner, "Vorschau als "+contactFirst) || !strings.Contains(banner, companyName) || !strings.Contains(banner, "nur lesen") {
			s.fatalf("banner %q", banner)
		}
		if h := s.text("main h1"); h != "Willkommen, "+contactFirst {
			s.fatalf("preview home heading %q", h)
		}
		if b := s.text(".topbar .brand"); b != "Demo Kundenportal" {
			s.fatalf("brand %q, want the tenant's portal title", b)
		}
		s.screenshot(artifactDir(t), string(e)+"-preview-home")

		// A change is refused with the friendly page; nothing is stored.
		s.clickTo(`nav a[href="/account"]`, "#f-phone")
		s.fill("phone", "0000 999")
		s.clickTo(`form[action="/account/details"] button[type="submit"]`, "main h1")
		if h := s.text("main h1"); h != "In der Vorschau nicht möglich" {
			s.fatalf("refused page heading %q", h)
		}
		if !strings.Contains(s.text(".banner"), "Vorschau als") {
			s.fatalf("the refusal page lost the banner")
		}
		var phone string
		env.DB.QueryRow(ctx, `SELECT phone FROM contacts WHERE id = ?`, ct.ID).Scan(&phone)
		if phone != "0421 123" {
			s.fatalf("preview changed the phone to %q", phone)
		}
		s.screenshot(artifactDir(t), string(e)+"-preview-refused")

		// Ending returns to the contact's page in the back office.
		s.clickTo(`.banner form[action="/preview/end"] button`, "#preview-h")
		s.expectPath(contactPath)
		if s.eval(`String(document.querySelectorAll('.banner').length)`) != "0" {
			s.fatalf("banner still shown in the back office")
		}
		deadline := time.Now().Add(2 * time.Second)
		for {
			var n int
			env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'preview_ended'`).Scan(&n)
			if n == 1 {
				break
			}
			if time.Now().After(deadline) {
				s.fatalf("no preview_ended entry")
			}
			time.Sleep(50 * time.Millisecond)
		}
		// The portal is no longer the contact's: the agent has no portal login.
		s.open("/", "#f-email")
		s.expectPath("/login")
	})
}
