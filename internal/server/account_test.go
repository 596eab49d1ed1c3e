package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAccountPage: a contact sees their own sign-ins (including a failed one on their
// account) and nobody else's, edits name and phone (audited for staff), and downloads
// their data without the password hash.
func TestAccountPage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "ich@kunde.test", "my-password-1", "main", co)
		env.Contact(ten, "kollege@kunde.test", "his-password-1", "user", co)
		env.Client("").Post("/login", url.Values{"email": {"ich@kunde.test"}, "password": {"wrong-password"}})
		other := env.Client("")
		other.Login("kollege@kunde.test", "his-password-1")
		c := env.Client("")
		c.Login("ich@kunde.test", "my-password-1")
		page := c.Get("/account").Body
		if !strings.Contains(page, "Anmeldung fehlgeschlagen") || !strings.Contains(page, ">Anmeldung<") {
			t.Errorf("account page lacks own sign-ins:\n%.2000s", page)
		}
		if strings.Count(page, ">Anmeldung<") != 1 {
			t.Errorf("account page shows another contact's sign-in")
		}
		if r := c.Post("/account/details", url.Values{"first_name": {"Ich"}, "last_name": {""}, "phone": {"+49 1"}}); r.Status != 422 ||
			!strings.Contains(r.Body, `value="+49 1"`) {
			t.Errorf("empty last name: %d", r.Status)
		}
		if r := c.Post("/account/details", url.Values{"first_name": {"Ich"}, "last_name": {"Selbst"}, "phone": {"abc<script>"}}); r.Status != 422 ||
			!strings.Contains(r.Body, `value="abc&lt;script&gt;"`) || !strings.Contains(r.Body, "Telefonnummer") {
			t.Errorf("not a phone number: %d", r.Status)
		}
		if r := c.Post("/account/details", url.Values{"first_name": {"Ich"}, "last_name": {"Selbst"}, "phone": {"+49 711 1"}}); r.Status != 303 {
			t.Fatalf("save details: %d", r.Status)
		}
		var target string
		env.DB.QueryRow(context.Background(), `SELECT target FROM audit_log WHERE action = 'contact_changed'`).Scan(&target)
		if !strings.Contains(target, "phone:  → +49 711 1") || !strings.Contains(target, "last_name: ich@kunde.test → Selbst") {
			t.Errorf("change not audited: %q", target)
		}
		r := c.Post("/account/export", nil)
		if !strings.Contains(r.Header.Get("Content-Disposition"), "attachment") || strings.Contains(r.Body, "argon2") {
			t.Fatalf("export headers or password hash")
		}
		var data struct {
			Contact struct {
				LastName string `json:"last_name"`
			} `json:"contact"`
			Companies []struct{ Name, Role string } `json:"companies"`
			Events    []struct{ Action string }     `json:"security_events"`
		}
		if err := json.Unmarshal([]byte(r.Body), &data); err != nil {
			t.Fatal(err)
		}
		if data.Contact.LastName != "Selbst" || len(data.Companies) != 1 || data.Companies[0].Name != "Kunde AG" || len(data.Events) < 3 {
			t.Errorf("export: %+v", data)
		}
	})
}
