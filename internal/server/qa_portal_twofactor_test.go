package server_test

import (
	"regexp"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// codeField is the setup's code input; numericCode its phone keyboard of digits.
var (
	codeField   = regexp.MustCompile(`<input id="f-code"[^>]*>`)
	numericCode = regexp.MustCompile(`\binputmode="numeric"`)
)

// TestTwoFactorSetupNumericKeyboard: the six-digit code of the two-factor setup opens a
// phone's keyboard of digits, where contacts usually type it, also when the page comes
// back with an error. (The sign-in's code field is left a text field on purpose: it
// also takes recovery codes, which have letters.)
func TestTwoFactorSetupNumericKeyboard(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Contact(ten, "anna@kunde.test", "anna-password-1", "main", env.Company(ten, "Kunde AG"))
		c := env.Client("a.test")
		c.Login("anna@kunde.test", "anna-password-1")
		if r := c.Post("/account/twofactor/setup", nil); r.Status != 303 {
			t.Fatalf("start setup: %d", r.Status)
		}
		field := codeField.FindString(c.Get("/account/twofactor/setup").Body)
		if field == "" || !numericCode.MatchString(field) {
			t.Errorf("setup code field without a keyboard of digits: %q", field)
		}
		if r := c.Post("/account/twofactor/confirm", nil); r.Status != 422 || !numericCode.MatchString(codeField.FindString(r.Body)) {
			t.Errorf("setup code field after an error: %d %q", r.Status, codeField.FindString(r.Body))
		}
	})
}
