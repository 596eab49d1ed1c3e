package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanyChooser: a contact with several companies lands on the chooser after
// login (name, customer number, role per company), the chosen company is remembered for
// the next login, the header switcher updates it too, a deep link skips the chooser,
// a contact with one company never sees it, and a company that is not the contact's
// is a 404 that changes nothing.
func TestCompanyChooser(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		other := env.Tenant("Fremd GmbH", "b.test")
		one, two, three := env.Company(ten, "Eins GmbH"), env.Company(ten, "Zwei GmbH"), env.Company(ten, "Drei GmbH")
		foreign := env.Company(other, "Fremdkunde AG")
		env.DB.Exec(ctx, `UPDATE companies SET customer_number = 'K-2002' WHERE id = ?`, two.ID)
		both := env.Contact(ten, "both@kunde.test", "both-password", "main", one, two)
		env.DB.Exec(ctx, `UPDATE memberships SET role = 'user' WHERE contact_id = ? AND company_id = ?`, both.ID, two.ID)
		env.Contact(ten, "third@kunde.test", "third-password", "main", three)
		env.Contact(ten, "single@kunde.test", "single-password", "user", one)

		login := func(c *apptest.Client, email, pw, next string) apptest.Response {
			t.Helper()
			f := url.Values{"email": {email}, "password": {pw}}
			if next != "" {
				f.Set("next", next)
			}
			return c.Post("/login", f)
		}
		c := env.Client("a.test")
		if r := login(c, "both@kunde.test", "both-password", ""); r.Status != 303 || r.Location != "/choose" {
			t.Fatalf("multi-company login: %d %q, want the chooser", r.Status, r.Location)
		}
		r := c.Get("/choose")
		for _, want := range []string{"Eins GmbH", "Zwei GmbH", "K-2002", "Hauptkontakt", "Benutzer",
			`value="` + id(one.ID) + `" checked`} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("chooser lacks %q", want)
			}
		}
		if strings.Contains(r.Body, "Drei GmbH") || strings.Contains(r.Body, "Fremdkunde") {
			t.Errorf("chooser lists a company that is not the contact's")
		}
		// Foreign companies: another tenant's, one of the tenant without membership, junk.
		for _, bad := range []string{id(foreign.ID), id(three.ID), "999999", "abc"} {
			if r := c.Post("/choose", url.Values{"company_id": {bad}}); r.Status != 404 {
				t.Errorf("choose %s: %d, want 404", bad, r.Status)
			}
		}
		if r := c.Post("/choose", url.Values{"company_id": {""}}); r.Status != 422 || !strings.Contains(r.Body, "Bitte wählen Sie eine Firma.") {
			t.Errorf("choose nothing: %d", r.Status)
		}
		if last := lastCompany(t, env, both.ID); last != 0 {
			t.Errorf("refused choices stored company %d", last)
		}
		if r := c.Post("/choose", url.Values{"company_id": {id(two.ID)}}); r.Status != 303 || r.Location != "/" {
			t.Fatalf("choose: %d %q", r.Status, r.Location)
		}
		if !strings.Contains(c.Get("/").Body, "Sie arbeiten für Zwei GmbH") {
			t.Errorf("chosen company not active")
		}
		if last := lastCompany(t, env, both.ID); last != two.ID {
			t.Errorf("last company %d, want %d", last, two.ID)
		}

		// The next login preselects and uses the remembered company.
		again := env.Client("a.test")
		login(again, "both@kunde.test", "both-password", "")
		if !strings.Contains(again.Get("/choose").Body, `value="`+id(two.ID)+`" checked`) {
			t.Errorf("remembered company not preselected")
		}
		if !strings.Contains(again.Get("/").Body, "Sie arbeiten für Zwei GmbH") {
			t.Errorf("remembered company not used")
		}
		// The header switcher updates the remembered company as well.
		if r := again.Post("/company", url.Values{"company_id": {id(one.ID)}}); r.Status != 303 {
			t.Fatalf("switch: %d", r.Status)
		}
		if last := lastCompany(t, env, both.ID); last != one.ID {
			t.Errorf("switch did not remember: %d", last)
		}
		// A deep link goes straight there, in the remembered company.
		deep := env.Client("a.test")
		if r := login(deep, "both@kunde.test", "both-password", "/companies/"+id(one.ID)); r.Location != "/companies/"+id(one.ID) {
			t.Errorf("deep link: %q", r.Location)
		}
		if r := deep.Get("/companies/" + id(one.ID)); r.Status != 200 {
			t.Errorf("deep link page: %d", r.Status)
		}

		// One company: no chooser, and /choose sends home.
		single := env.Client("a.test")
		if r := login(single, "single@kunde.test", "single-password", ""); r.Location != "/" {
			t.Errorf("single-company login: %q", r.Location)
		}
		if r := single.Get("/choose"); r.Status != 303 || r.Location != "/" {
			t.Errorf("single-company chooser: %d %q", r.Status, r.Location)
		}

		// The heading follows the tenant's branding.
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		admin := env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		if r := admin.PostMultipart("/admin/settings/branding", map[string]string{"chooser": "Wählen Sie Ihre Firma"}); r.Status != 303 {
			t.Fatalf("branding: %d %.300s", r.Status, r.Body)
		}
		if !strings.Contains(again.Get("/choose").Body, "Wählen Sie Ihre Firma") {
			t.Errorf("chooser heading not branded")
		}
	})
}

func lastCompany(t *testing.T, env *apptest.Env, contactID int64) int64 {
	t.Helper()
	var last *int64
	if err := env.DB.QueryRow(context.Background(), `SELECT last_company_id FROM contacts WHERE id = ?`, contactID).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if last == nil {
		return 0
	}
	return *last
}
