package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestLoginTooLongAddress: an address longer than any can be gets the "at most 254
// characters" the other forms give, at the field and with the text kept, instead of
// "address or password is wrong"; the field says its limit as maxlength.
func TestLoginTooLongAddress(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		c := w.env.Client("a.test")
		if page := c.Get("/login").Body; !strings.Contains(page, `id="f-email" name="email" type="email"`) || !strings.Contains(page, `maxlength="254"`) {
			t.Errorf("the login's address field has no maxlength of 254")
		}
		long := strings.Repeat("a", 5000) + "@a1.test"
		r := c.Post("/login", url.Values{"email": {long}, "password": {"alice-password"}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-email"`) || !strings.Contains(r.Body, deMsg("error.too_long", map[string]any{"Max": 254})) ||
			strings.Contains(r.Body, deMsg("login.invalid")) {
			t.Errorf("login with a 5,000-character address: %d, want the too-long message at the field", r.Status)
		}
	})
}

// TestDownloadSearchLimit: the downloads search box has the 200-character maxlength
// of the knowledge base's and the ticket list's, and a longer query from a hand-made
// address is cut there, not searched and echoed in full.
func TestDownloadSearchLimit(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		if page := alice.Get("/downloads").Body; !strings.Contains(page, `name="q" value="" maxlength="200"`) {
			t.Errorf("the downloads search box has no maxlength of 200")
		}
		r := alice.Get("/downloads?q=" + strings.Repeat("x", 600))
		if r.Status != 200 || !strings.Contains(r.Body, strings.Repeat("x", 200)) || strings.Contains(r.Body, strings.Repeat("x", 201)) {
			t.Errorf("a 600-character search: %d, want it cut to 200 characters", r.Status)
		}
	})
}
