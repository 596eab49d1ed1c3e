package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestTwoFactorBadInput: every malformed code gets a clear message next to the field
// with what was typed kept, never a 500, and changes nothing.
func TestTwoFactorBadInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "eingabe@kunde.test", "eingabe-password", "user", co)
		c := env.Client("")
		c.Login("eingabe@kunde.test", "eingabe-password")
		secret := setupTOTP(t, c)
		long := strings.Repeat("1", 41)
		cases := []struct{ name, code, msg string }{
			{"empty", "", "Bitte füllen Sie dieses Feld aus."},
			{"spaces only", "   ", "Bitte füllen Sie dieses Feld aus."},
			{"too long", long, "zu lang für einen Code"},
			{"non-digits", "abcdef", "sechs Ziffern"},
			{"five digits", "12345", "sechs Ziffern"},
			{"seven digits", "1234567", "sechs Ziffern"},
			{"markup", "<b>1</b>", "sechs Ziffern"},
		}
		for _, tc := range cases {
			r := c.Post("/account/twofactor/confirm", url.Values{"code": {tc.code}})
			if r.Status != 422 || !strings.Contains(r.Body, tc.msg) || !strings.Contains(r.Body, `class="error-msg" id="e-code"`) {
				t.Errorf("setup, %s: %d, want 422 with %q", tc.name, r.Status, tc.msg)
			}
			if tc.code != "" && !strings.Contains(r.Body, `value="`+html.EscapeString(strings.TrimSpace(tc.code))+`"`) {
				t.Errorf("setup, %s: typed value lost", tc.name)
			}
		}
		if on, _ := env.App.Access.TwoFactorOn(t.Context(), ten.ID, ct.ID); on {
			t.Fatal("TOTP on after bad input")
		}
		used := code(t, secret, 0)
		if r := c.Post("/account/twofactor/confirm", url.Values{"code": {used[:3] + " " + used[3:]}}); r.Status != 200 {
			t.Fatalf("code with a space: %d", r.Status)
		}
		c.Post("/logout", nil)

		l := env.Client("")
		passwordStep(t, l, "eingabe@kunde.test", "eingabe-password")
		login := append(cases[:3:3],
			struct{ name, code, msg string }{"neither code nor recovery code", "abc!", "oder einen Wiederherstellungscode"},
			struct{ name, code, msg string }{"five digits", "12345", "sechs Ziffern"},
			struct{ name, code, msg string }{"reused code", used, "Dieser Code wurde gerade schon verwendet"},
			struct{ name, code, msg string }{"unknown recovery code", "abcde-fghjk", "Dieser Wiederherstellungscode ist nicht gültig"},
		)
		for _, tc := range login {
			r := l.Post("/login/code", url.Values{"code": {tc.code}})
			if r.Status != 422 || !strings.Contains(r.Body, tc.msg) || !strings.Contains(r.Body, `id="e-code"`) {
				t.Errorf("login, %s: %d, want 422 with %q", tc.name, r.Status, tc.msg)
			}
		}
		if l.Cookie(web.PortalCookie) != "" {
			t.Fatal("bad input logged in")
		}
		// Without the step's cookie (or with a made-up one) the code form sends to the password.
		for _, cl := range []*apptest.Client{env.Client(""), withCookie(env, "pforte_login_step", "made-up")} {
			if r := cl.Get("/login/code"); r.Status != 303 || r.Location != "/login" {
				t.Errorf("code page without a challenge: %d %q", r.Status, r.Location)
			}
			if r := cl.Post("/login/code", url.Values{"code": {nextCode(t, secret)}}); r.Status != 303 || r.Location != "/login" {
				t.Errorf("code without a challenge: %d %q", r.Status, r.Location)
			}
		}
		if r := l.Post("/login/code", url.Values{"code": {nextCode(t, secret)}}); r.Status != 303 {
			t.Errorf("right code after bad input: %d %.300s", r.Status, r.Body)
		}
	})
}

func withCookie(env *apptest.Env, name, value string) *apptest.Client {
	c := env.Client("")
	c.SetCookie(name, value)
	return c
}
