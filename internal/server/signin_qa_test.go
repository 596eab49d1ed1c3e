package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestInvitationForExistingAccount: the page that asks someone with an account for their
// password to accept an invitation offers "Forgot your password?" where the tenant
// allows resets, and an empty password is "please fill in this field", not a wrong
// password, and counts as no failed attempt.
func TestInvitationForExistingAccount(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co, other := env.Company(ten, "Kunde AG"), env.Company(ten, "Andere AG")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		env.Contact(ten, "extern@andere.test", "ext-password", "user", other)
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		if r := c.Post("/colleagues", url.Values{"first_name": {"Max"}, "last_name": {"Extern"},
			"email": {"extern@andere.test"}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "extern@andere.test")
		link := linkIn(t, text)

		g := env.Client("")
		if page := g.Get(link); page.Status != 200 || strings.Contains(page.Body, `href="/password/forgot"`) {
			t.Errorf("reset switched off, yet offered: %d", page.Status)
		}
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		g = env.Client("x.test") // another host: no cached tenant from before the switch
		if page := g.Get(link); page.Status != 200 || !strings.Contains(page.Body, `href="/password/forgot"`) {
			t.Errorf("no way to a new password on the invitation page: %d", page.Status)
		}
		r := g.Post(link, url.Values{"password": {""}})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte füllen Sie dieses Feld aus.") ||
			strings.Contains(r.Body, "nicht das Passwort Ihres Kontos") {
			t.Errorf("empty password: %d %.500s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM login_failures WHERE email = 'extern@andere.test'`); n != 0 {
			t.Errorf("an empty password counted as %d failed attempts", n)
		}
		if r := g.Post(link, url.Values{"password": {"wrong-password"}}); r.Status != 422 || !strings.Contains(r.Body, "nicht das Passwort Ihres Kontos") {
			t.Errorf("wrong password: %d", r.Status)
		}
		if r := g.Post(link, url.Values{"password": {"ext-password"}}); r.Status != 303 {
			t.Errorf("right password: %d", r.Status)
		}
	})
}

// TestCodeStepLanguage: the second step of a sign-in speaks the language of the person
// whose password was right (a browser without Accept-Language would get the tenant's
// German), in the portal and the back office; a wrong recovery code gets a message of
// its own instead of the advice about the phone's clock.
func TestCodeStepLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "jonas@kunde.test", "jonas-password", "user", co)
		ctx := context.Background()
		env.DB.Exec(ctx, `UPDATE contacts SET language = 'en' WHERE id = ?`, ct.ID)
		c := env.Client("")
		c.Login("jonas@kunde.test", "jonas-password")
		_, codes := enableTOTP(t, c)

		l := env.Client("")
		if page := l.Get("/login"); !strings.Contains(page.Body, `lang="de"`) {
			t.Fatalf("the test needs a German sign-in page")
		}
		passwordStep(t, l, "jonas@kunde.test", "jonas-password")
		if page := l.Get("/login/code"); page.Status != 200 || !strings.Contains(page.Body, `lang="en"`) || !strings.Contains(page.Body, "Confirm sign-in") {
			t.Errorf("code step not in the contact's language: %d %.300s", page.Status, page.Body)
		}
		wrong := "zzzzz-zzzzz"
		for _, c := range codes {
			if c == wrong {
				t.Skip("a random recovery code is the wrong one")
			}
		}
		r := l.Post("/login/code", url.Values{"code": {wrong}})
		if r.Status != 422 || !strings.Contains(r.Body, `lang="en"`) || !strings.Contains(r.Body, "This recovery code is not valid") ||
			strings.Contains(r.Body, "time on your phone") {
			t.Errorf("wrong recovery code: %d %.300s", r.Status, r.Body)
		}
		if r := l.Post("/login/code", url.Values{"code": {codes[0]}}); r.Status != 303 {
			t.Errorf("right recovery code: %d", r.Status)
		}

		// The back office: a member with English set.
		m := env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		env.DB.Exec(ctx, `UPDATE staff SET language = 'en' WHERE id = ?`, m.ID)
		s := env.Client("")
		s.AdminLogin("agent@service.test", "agent-password-1")
		staffSetupTOTP(t, s)
		sl := env.Client("")
		if r := sl.Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"agent-password-1"}}); r.Status != 303 || r.Location != "/admin/login/code" {
			t.Fatalf("staff password step: %d %q", r.Status, r.Location)
		}
		if page := sl.Get("/admin/login/code"); !strings.Contains(page.Body, `lang="en"`) {
			t.Errorf("staff code step not in the member's language")
		}
		if r := sl.Post("/admin/login/code", url.Values{"code": {wrong}}); r.Status != 422 || !strings.Contains(r.Body, "This recovery code is not valid") {
			t.Errorf("staff wrong recovery code: %d", r.Status)
		}
	})
}

// TestRecoveryCodesFile: the recovery codes page offers its codes as a text file (posted
// back, the server keeps only hashes) and a print button from a script file; the file
// is given only for the signed-in person's own new, unused codes.
func TestRecoveryCodesFile(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "vorsicht@kunde.test", "vorsicht-password", "user", co)
		env.Contact(ten, "andere@kunde.test", "andere-password", "user", co)
		c := env.Client("")
		c.Login("vorsicht@kunde.test", "vorsicht-password")
		secret := setupTOTP(t, c)
		page := c.Post("/account/twofactor/confirm", url.Values{"code": {code(t, secret, 0)}})
		var codes []string
		for _, m := range recoveryRE.FindAllStringSubmatch(page.Body, -1) {
			codes = append(codes, m[1])
		}
		if len(codes) != 10 || !strings.Contains(page.Body, `action="/account/twofactor/recovery/file"`) ||
			!strings.Contains(page.Body, "Als Textdatei herunterladen") || !strings.Contains(page.Body, "data-print") ||
			!strings.Contains(page.Body, "js/print.js") || strings.Contains(page.Body, "onclick") {
			t.Fatalf("codes page lacks download or print:\n%.3000s", page.Body)
		}
		file := func(cl *apptest.Client, path string, codes []string) apptest.Response {
			return cl.Post(path, url.Values{"code": codes})
		}
		r := file(c, "/account/twofactor/recovery/file", codes)
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/plain") ||
			!strings.Contains(r.Header.Get("Content-Disposition"), "attachment") ||
			!strings.Contains(r.Header.Get("Content-Disposition"), "wiederherstellungscodes.txt") ||
			r.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("file: %d %v", r.Status, r.Header)
		}
		for _, cd := range codes {
			if !strings.Contains(r.Body, cd+"\r\n") {
				t.Errorf("file lacks %s:\n%s", cd, r.Body)
			}
		}
		if !strings.Contains(r.Body, "vorsicht@kunde.test") {
			t.Errorf("file does not say whose codes they are:\n%s", r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM recovery_codes WHERE hash LIKE ?`, "%"+strings.ReplaceAll(codes[0], "-", "")+"%"); n != 0 {
			t.Errorf("a code is stored readable")
		}

		// Not for text of one's own, other codes, someone else, or old codes.
		forged := append([]string{"abcde-fghjk"}, codes[1:]...)
		for name, body := range map[string][]string{"forged": forged, "some": codes[:3], "none": nil,
			"twice": append(append([]string{}, codes...), codes[0])} {
			if r := file(c, "/account/twofactor/recovery/file", body); r.Status != 303 || r.Location != "/account" {
				t.Errorf("%s codes: %d %q", name, r.Status, r.Location)
			}
		}
		o := env.Client("")
		o.Login("andere@kunde.test", "andere-password")
		if r := file(o, "/account/twofactor/recovery/file", codes); r.Status != 303 {
			t.Errorf("another contact gets the file: %d", r.Status)
		}
		if r := file(env.Client(""), "/account/twofactor/recovery/file", codes); r.Status == 200 || strings.Contains(r.Body, codes[0]) {
			t.Errorf("signed out: %d", r.Status)
		}
		env.DB.Exec(context.Background(), `UPDATE recovery_codes SET created_at = ?`, time.Now().Add(-time.Hour).Unix())
		if r := file(c, "/account/twofactor/recovery/file", codes); r.Status != 303 {
			t.Errorf("an hour later: %d", r.Status)
		}
		if !strings.Contains(c.Get("/account").Body, "können nicht mehr heruntergeladen werden") {
			t.Errorf("no message why the file is refused")
		}

		// Staff: the same.
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		s := env.Client("")
		s.AdminLogin("agent@service.test", "agent-password-1")
		_, staffCodes := staffSetupTOTP(t, s)
		if r := file(s, "/admin/account/twofactor/recovery/file", staffCodes); r.Status != 200 || !strings.Contains(r.Body, staffCodes[9]) {
			t.Errorf("staff file: %d", r.Status)
		}
		if r := file(s, "/admin/account/twofactor/recovery/file", codes); r.Status != 303 {
			t.Errorf("staff file of a contact's codes: %d", r.Status)
		}
	})
}

// TestRegisterConfirmedNextSteps: confirming a self-registration says what comes next
// and offers no sign-in (there is no password yet), nor does the used link's page.
func TestRegisterConfirmedNextSteps(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		c := env.Client("")
		if r := c.Post("/register", url.Values{"first_name": {"Neu"}, "last_name": {"Kunde"}, "email": {"neu@kunde.test"},
			"company": {"Kunde AG"}}); r.Status != 200 {
			t.Fatalf("register: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "neu@kunde.test")
		link := strings.TrimPrefix(mustRE(`https?://\S+/register/confirm/\S+`).FindString(text), env.Srv.URL)
		r := c.Post(link, nil)
		if r.Status != 200 || !strings.Contains(r.Body, "Bis dahin können Sie sich noch nicht anmelden") ||
			strings.Contains(r.Body, `href="/login"`) {
			t.Errorf("confirmed page: %d %.2000s", r.Status, r.Body)
		}
		if r := c.Get(link); r.Status != 410 || strings.Contains(r.Body, `href="/login"`) {
			t.Errorf("used link's page offers the sign-in: %d", r.Status)
		}
	})
}
