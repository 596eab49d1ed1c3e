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

// TestBaseURLOnlyForDefaultTenant: PFORTE_BASE_URL is one address for the whole
// installation, the default tenant's. Another tenant's mails must link to its own host,
// or its contacts' reset links lead to the other portal, where the token is void.
func TestBaseURLOnlyForDefaultTenant(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e, apptest.Options{BaseURL: "https://a.test"})
		ta := env.Tenant("Tenant A", "a.test")
		tb := env.Tenant("Tenant B", "b.test")
		ctx := context.Background()
		for _, ten := range []tenant.Tenant{ta, tb} {
			if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
				t.Fatal(err)
			}
			env.Contact(ten, "same@kunde.test", "old-password-1", "main", env.Company(ten, ten.Name+" Kunde"))
		}

		if r := env.Client("b.test").Post("/password/forgot", url.Values{"email": {"same@kunde.test"}}); r.Status != 200 {
			t.Fatalf("forgot on b.test: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "same@kunde.test")
		link := mustRE(`https?://\S+/password/reset/\S+`).FindString(text)
		if !strings.HasPrefix(link, "http://b.test/password/reset/") {
			t.Fatalf("tenant B's reset link points elsewhere: %q", link)
		}
		if r := env.Client("b.test").Get(strings.TrimPrefix(link, "http://b.test")); r.Status != 200 {
			t.Errorf("tenant B's reset link on its own host: %d", r.Status)
		}

		// The default tenant keeps PFORTE_BASE_URL.
		if r := env.Client("a.test").Post("/password/forgot", url.Values{"email": {"same@kunde.test"}}); r.Status != 200 {
			t.Fatalf("forgot on a.test: %d", r.Status)
		}
		var text2 string
		for deadline := time.Now().Add(10 * time.Second); text2 == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			env.DB.QueryRow(ctx, `SELECT text_body FROM mails WHERE tenant_id = ? AND to_addr = ?`, ta.ID, "same@kunde.test").Scan(&text2)
		}
		if !strings.Contains(text2, "https://a.test/password/reset/") {
			t.Errorf("tenant A's link left PFORTE_BASE_URL:\n%s", text2)
		}

		// Without a request (jobs, incoming mail): tenant B's portal address, else its
		// own hostname with PFORTE_BASE_URL's scheme, never the default tenant's address.
		tb.PortalURL = "https://portal.b.test"
		if got := env.App.Env.TenantOrigin(tb); got != "https://portal.b.test" {
			t.Errorf("tenant B's origin: %q", got)
		}
		tb.PortalURL = ""
		if got := env.App.Env.TenantOrigin(tb); got != "https://b.test" {
			t.Errorf("tenant B without an address: %q", got)
		}
		ta.PortalURL = "https://other.a.test"
		if got := env.App.Env.TenantOrigin(ta); got != "https://a.test" {
			t.Errorf("default tenant's origin: %q", got)
		}
	})
}
