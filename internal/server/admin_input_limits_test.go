package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAdminLoginTooLongAddress: the back-office login and its forgotten-password form
// answer an address longer than any can be as the portal's do: "at most 254
// characters" at the field with the text kept, not "address or password is wrong"
// and never a 500; both fields say the limit as maxlength.
func TestAdminLoginTooLongAddress(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		c := w.env.Client("a.test")
		long := strings.Repeat("a", 5000) + "@a.test"
		tooLong := deMsg("error.too_long", map[string]any{"Max": 254})
		for _, path := range []string{"/admin/login", "/admin/password/forgot"} {
			if page := c.Get(path).Body; !strings.Contains(page, `id="f-email" name="email" type="email"`) || !strings.Contains(page, `maxlength="254"`) {
				t.Errorf("%s: the address field has no maxlength of 254", path)
			}
			r := c.Post(path, url.Values{"email": {long}, "password": {"admin-a-password"}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-email"`) || !strings.Contains(r.Body, tooLong) ||
				!strings.Contains(r.Body, long) || strings.Contains(r.Body, deMsg("login.invalid")) {
				t.Errorf("%s with a 5,000-character address: %d, want the too-long message at the field and the text kept", path, r.Status)
			}
		}
		// A malformed address is named at the field too, as on the portal.
		r := c.Post("/admin/login", url.Values{"email": {"admin@@a.test"}, "password": {"x"}})
		if r.Status != 422 || !strings.Contains(r.Body, deMsg("error.email")) {
			t.Errorf("back-office login with a malformed address: %d, want the address message", r.Status)
		}
		// The limit is no obstacle to the real address.
		if r := c.Post("/admin/login", url.Values{"email": {"admin@a.test"}, "password": {"admin-a-password"}}); r.Status != 303 {
			t.Errorf("back-office login: %d, want 303", r.Status)
		}
	})
}
