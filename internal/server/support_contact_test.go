package server_test

import (
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestSupportContact: an admin sets how customers reach support (Settings → Branding);
// a phone or address that is none is refused beside its field with everything typed
// kept; the portal's home page shows what is set (the phone as a tel: link), the
// new-ticket form the phone for what is urgent; with nothing set neither shows.
func TestSupportContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "k@kunde.test", "kunde-password", "user", co)
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		admin := env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		kunde := env.Client("a.test")
		kunde.Login("k@kunde.test", "kunde-password")
		if b := kunde.Get("/").Body; strings.Contains(b, "So erreichen Sie uns") {
			t.Errorf("the home page shows a support contact nobody set")
		}

		bad := map[string]string{"title": "Portal", "support_phone": "n/a", "support_email": "support@", "support_hours": "Mo–Fr"}
		r := admin.PostMultipart("/admin/settings/branding", bad)
		if r.Status != 422 || !strings.Contains(r.Body, "Telefonnummer mit mindestens 5 Ziffern ein, z. B. +49 711 123456") ||
			!strings.Contains(r.Body, "Bitte geben Sie eine gültige E-Mail-Adresse ein") ||
			!strings.Contains(r.Body, `value="n/a"`) || !strings.Contains(r.Body, ">Mo–Fr</textarea>") {
			t.Fatalf("bad support contact: %d", r.Status)
		}
		good := map[string]string{"title": "Portal", "support_phone": "+49 (0)711 1234-56", "support_email": "Hilfe@Service.test",
			"support_hours": "Mo–Fr 8–17 Uhr\r\nNotfall: rund um die Uhr"}
		if r := admin.PostMultipart("/admin/settings/branding", good); r.Status != 303 {
			t.Fatalf("save support contact: %d %.300s", r.Status, r.Body)
		}
		if b := admin.Get("/admin/settings/branding").Body; !strings.Contains(b, `value="hilfe@service.test"`) {
			t.Errorf("the form does not show the stored address")
		} else {
			// a phone number and an address read left to right on a Hebrew page too
			for _, id := range []string{`id="f-support_phone"`, `id="f-support_email"`} {
				_, tag, _ := strings.Cut(b, id)
				tag, _, _ = strings.Cut(tag, ">")
				if !strings.Contains(tag, `dir="ltr"`) || !strings.Contains(tag, `inputmode=`) {
					t.Errorf("field %s is not left to right: %s", id, tag)
				}
			}
		}
		home := kunde.Get("/").Body
		for _, want := range []string{"So erreichen Sie uns", `href="tel:+49711123456"`, "+49 (0)711 1234-56",
			`href="mailto:hilfe@service.test"`, "Mo–Fr 8–17 Uhr\nNotfall: rund um die Uhr",
			// The hours keep the page's alignment like phone and email (right on a Hebrew
			// page); only their text inside runs in its own direction.
			`<dd class="pre-line"><span dir="auto">Mo–Fr`} {
			if !strings.Contains(home, want) {
				t.Errorf("home page lacks %q", want)
			}
		}
		if b := kunde.Get("/tickets/new").Body; !strings.Contains(b, "Dringend? Rufen Sie uns an:") {
			t.Errorf("the new-ticket form has no phone for urgent matters")
		}
		// Emptied again: nothing shows.
		if r := admin.PostMultipart("/admin/settings/branding", map[string]string{"title": "Portal"}); r.Status != 303 {
			t.Fatalf("clear support contact: %d", r.Status)
		}
		if b := kunde.Get("/").Body; strings.Contains(b, "So erreichen Sie uns") {
			t.Errorf("a cleared support contact still shows")
		}
	})
}
