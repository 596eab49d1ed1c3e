package server_test

import (
	"context"
	"regexp"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestPortalFormsStopAtLimits: the colleague invitation and the self-registration carry
// the server's limits as maxlength, like the account page does, so a browser stops
// typing where the server would refuse instead of answering with an error afterwards.
func TestPortalFormsStopAtLimits(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		visitor := env.Client("")
		pages := map[string]map[string]string{
			"/colleagues": {"first_name": "100", "last_name": "100", "email": "254"},
			"/register":   {"first_name": "100", "last_name": "100", "email": "254", "company": "200", "phone": "50"},
		}
		for path, fields := range pages {
			who := c
			if path == "/register" {
				who = visitor
			}
			r := who.Get(path)
			if r.Status != 200 {
				t.Fatalf("%s: %d", path, r.Status)
			}
			for name, max := range fields {
				re := regexp.MustCompile(`<input id="f-` + name + `"[^>]*maxlength="` + max + `"`)
				if !re.MatchString(r.Body) {
					t.Errorf("%s: field %s has no maxlength=%s", path, name, max)
				}
			}
		}
	})
}
