package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

const refused = "In der Vorschau nicht möglich"

// TestCustomerPreview: staff open the portal as a contact in one company. Every page
// shows the banner; every change is refused with a 403 and changes nothing; the
// contact's own session and sign-in history are untouched; ending returns to the back
// office and logs it. Revoked access, another tenant's contact or staff, an expired or
// ended staff session: no preview.
func TestCustomerPreview(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		tb := env.Tenant("Fremd GmbH", "b.test")
		a1, a2, b1 := env.Company(ten, "A1 GmbH"), env.Company(ten, "A2 GmbH"), env.Company(tb, "B1 AG")
		kim := env.Contact(ten, "kim@kunde.test", "kim-password", "main", a1, a2)
		env.Contact(ten, "sam@kunde.test", "sam-password", "user", a2)
		carol := env.Contact(tb, "carol@b1.test", "carol-password", "main", b1)
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		env.Staff(tb, "admin", "admin@fremd.test", "admin-b-password")
		kimPath := "/admin/contacts/" + id(kim.ID)

		real := env.Client("a.test")
		real.Login("kim@kunde.test", "kim-password")
		logins := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND action = 'login'`, kim.ID)

		// The agent is also logged in to the portal as a contact (testing in one browser).
		agent := env.Client("a.test")
		agent.Login("sam@kunde.test", "sam-password")
		agent.AdminLogin("agent@service.test", "agent-password")
		page := agent.Get(kimPath).Body
		if !strings.Contains(page, `action="`+kimPath+`/preview"`) || !strings.Contains(page, "Portal als dieser Kontakt ansehen – A1 GmbH") {
			t.Fatalf("contact page offers no preview")
		}
		r := agent.Post(kimPath+"/preview", url.Values{"company_id": {id(a1.ID)}})
		if r.Status != 303 || r.Location != "/" || agent.Cookie(web.PreviewCookie) == "" {
			t.Fatalf("start preview: %d %q", r.Status, r.Location)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'preview_started' AND actor LIKE 'staff:%agent@service.test'
			AND target LIKE ?`, "contact:"+id(kim.ID)+" kim@kunde.test%A1 GmbH"); n != 1 {
			t.Errorf("preview_started entries: %d", n)
		}

		banner := "Vorschau als Test kim@kunde.test von A1 GmbH — nur lesen"
		for _, p := range []string{"/", "/account", "/settings", "/companies/" + id(a1.ID), "/colleagues", "/choose"} {
			r := agent.Get(p)
			if r.Status != 200 || !strings.Contains(r.Body, banner) || !strings.Contains(r.Body, `action="/preview/end"`) {
				t.Errorf("GET %s in preview: %d, banner shown: %v", p, r.Status, strings.Contains(r.Body, banner))
			}
			if strings.Contains(r.Body, `action="/logout"`) || strings.Contains(r.Body, `id="switch-company"`) {
				t.Errorf("GET %s in preview offers logout or company switch", p)
			}
		}
		if !strings.Contains(agent.Get("/").Body, "Sie arbeiten für A1 GmbH") {
			t.Errorf("preview home is not kim's in A1")
		}

		// Every change is refused and nothing changes.
		before := snapshot(t, env, kim.ID)
		colleague := memberships(t, env, ten.ID, kim.ID)[0]
		for _, p := range []struct {
			path string
			form url.Values
		}{
			{"/account/details", url.Values{"first_name": {"Hacked"}, "last_name": {"X"}, "phone": {"123"}}},
			{"/settings/language", url.Values{"language": {"en"}}},
			{"/account/password", url.Values{"current": {"kim-password"}, "password": {"new-password-123"}, "password_confirm": {"new-password-123"}}},
			{"/company", url.Values{"company_id": {id(a2.ID)}}},
			{"/choose", url.Values{"company_id": {id(a2.ID)}}},
			{"/colleagues", url.Values{"last_name": {"Neu"}, "email": {"neu@kunde.test"}, "role": {"user"}}},
			{"/colleagues/" + id(colleague) + "/revoke", nil},
			{"/logout", nil},
			{"/language", url.Values{"language": {"en"}}},
			{"/login", url.Values{"email": {"kim@kunde.test"}, "password": {"kim-password"}}},
		} {
			r := agent.Post(p.path, p.form)
			if r.Status != 403 || !strings.Contains(r.Body, refused) || !strings.Contains(r.Body, banner) {
				t.Errorf("POST %s in preview: %d, want the 403 page", p.path, r.Status)
			}
		}
		// The two-factor setup page would show a pending secret: refused even as a GET.
		if r := agent.Get("/account/twofactor/setup"); r.Status != 403 || strings.Contains(r.Body, "totp-secret") {
			t.Errorf("GET two-factor setup in preview: %d", r.Status)
		}
		if r := agent.Post("/account/export", nil); r.Status != 403 || strings.Contains(r.Body, `"email"`) {
			t.Errorf("data export in preview: %d", r.Status)
		}
		// The company report's CSV would leave the portal in the contact's name (audit).
		if r := agent.Post("/tickets/report.csv", nil); r.Status != 403 || strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
			t.Errorf("GET company report CSV in preview: %d", r.Status)
		}
		if r := agent.Do("DELETE", "/account", nil); r.Status != 403 {
			t.Errorf("DELETE in preview: %d", r.Status)
		}
		if after := snapshot(t, env, kim.ID); after != before {
			t.Errorf("preview changed data:\n%s\n%s", before, after)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND action = 'login'`, kim.ID); n != logins {
			t.Errorf("preview recorded a login of the contact")
		}
		if r := real.Get("/"); r.Status != 200 || strings.Contains(r.Body, "Vorschau") {
			t.Errorf("the contact's own session suffered: %d", r.Status)
		}
		// The preview session is no normal portal session, nor a staff session.
		raw := agent.Cookie(web.PreviewCookie)
		thief := env.Client("a.test")
		thief.SetCookie(web.PortalCookie, raw)
		if r := thief.Get("/"); r.Status != 303 {
			t.Errorf("preview token as portal cookie: %d", r.Status)
		}
		thief.SetCookie(web.AdminCookie, raw)
		if r := thief.Get("/admin/contacts"); r.Status != 303 {
			t.Errorf("preview token as staff cookie: %d", r.Status)
		}
		other := env.Client("b.test")
		other.SetCookie(web.PreviewCookie, raw)
		if r := other.Get("/"); r.Status != 303 {
			t.Errorf("preview on another tenant's host: %d", r.Status)
		}
		// The back office keeps working beside the preview.
		if r := agent.Get("/admin/contacts"); r.Status != 200 {
			t.Errorf("back office during preview: %d", r.Status)
		}

		// Ending returns to the contact's page and the agent's own portal session.
		r = agent.Post("/preview/end", nil)
		if r.Status != 303 || r.Location != kimPath {
			t.Fatalf("end preview: %d %q", r.Status, r.Location)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'preview_ended' AND target LIKE ?`, "contact:"+id(kim.ID)+"%"); n != 1 {
			t.Errorf("preview_ended entries: %d", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM sessions WHERE preview_by IS NOT NULL`); n != 0 {
			t.Errorf("preview session left: %d", n)
		}
		if body := agent.Get("/").Body; strings.Contains(body, "Vorschau") || !strings.Contains(body, "Sie arbeiten für A2 GmbH") {
			t.Errorf("after the preview the agent's own portal session is gone")
		}

		// Revoked access cannot be previewed; a running preview ends when access goes.
		ms, _ := contact.MembershipsOfContact(ctx, env.DB, ten.ID, kim.ID)
		var a2m int64
		for _, m := range ms {
			if m.CompanyID == a2.ID {
				a2m = m.ID
			}
		}
		contact.SetAccess(ctx, env.DB, ten.ID, a2m, "", contact.AccessRevoked, time.Now())
		for _, co := range []int64{a2.ID, b1.ID, 999999} {
			r := agent.Post(kimPath+"/preview", url.Values{"company_id": {id(co)}})
			if r.Status != 303 || r.Location != kimPath {
				t.Errorf("preview of company %d: %d %q", co, r.Status, r.Location)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM sessions WHERE preview_by IS NOT NULL`); n != 0 {
			t.Errorf("a preview of revoked access was opened")
		}
		agent.Post(kimPath+"/preview", url.Values{"company_id": {id(a1.ID)}})
		if !strings.Contains(agent.Get("/").Body, banner) {
			t.Fatalf("second preview not open")
		}
		env.DB.Exec(ctx, `UPDATE memberships SET access = 'revoked' WHERE contact_id = ? AND company_id = ?`, kim.ID, a1.ID)
		if body := agent.Get("/").Body; strings.Contains(body, banner) {
			t.Errorf("preview survives revoked access")
		}
		env.DB.Exec(ctx, `UPDATE memberships SET access = 'active' WHERE contact_id = ? AND company_id = ?`, kim.ID, a1.ID)

		// The preview ends after its fixed time, and with the staff session.
		if !strings.Contains(agent.Get("/").Body, banner) {
			t.Fatalf("preview not back after access restored")
		}
		env.DB.Exec(ctx, `UPDATE sessions SET expires_at = ? WHERE preview_by IS NOT NULL`, time.Now().Add(-time.Second).Unix())
		if strings.Contains(agent.Get("/").Body, banner) {
			t.Errorf("expired preview still works")
		}
		agent.Post(kimPath+"/preview", url.Values{"company_id": {id(a1.ID)}})
		agent.Post("/admin/logout", nil)
		if strings.Contains(agent.Get("/").Body, banner) {
			t.Errorf("preview outlives the staff session")
		}

		// Other tenants: their contact is a 404 to this agent, this contact a 404 to them.
		agent.AdminLogin("agent@service.test", "agent-password")
		if r := agent.Post("/admin/contacts/"+id(carol.ID)+"/preview", url.Values{"company_id": {id(b1.ID)}}); r.Status != 404 {
			t.Errorf("preview of another tenant's contact: %d", r.Status)
		}
		staffB := env.Client("b.test")
		staffB.AdminLogin("admin@fremd.test", "admin-b-password")
		if r := staffB.Post(kimPath+"/preview", url.Values{"company_id": {id(a1.ID)}}); r.Status != 404 || strings.Contains(r.Body, "kim@") {
			t.Errorf("tenant B staff preview kim: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM sessions WHERE preview_by IS NOT NULL`); n != 0 {
			t.Errorf("foreign previews opened: %d", n)
		}
	})
}

// snapshot is what a preview must not change about a contact: details, language,
// password, remembered company, memberships and sessions.
func snapshot(t *testing.T, env *apptest.Env, contactID int64) string {
	t.Helper()
	var s string
	err := env.DB.QueryRow(context.Background(), `SELECT c.first_name || '|' || c.phone || '|' || c.language || '|' ||
		c.password_hash || '|' || COALESCE(c.last_company_id, 0) || '|' ||
		(SELECT COUNT(*) FROM memberships m WHERE m.contact_id = c.id AND m.access = 'active') || '|' ||
		(SELECT COUNT(*) FROM contacts) || '|' ||
		(SELECT COUNT(*) FROM sessions s WHERE s.contact_id = c.id AND s.preview_by IS NULL)
		FROM contacts c WHERE c.id = ?`, contactID).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
