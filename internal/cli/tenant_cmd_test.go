package cli

import (
	"bytes"
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

var setupLinkRE = regexp.MustCompile(`(?m)^  (\S+)(/admin/setup/\S+)$`)

// TestTenantCommand: `pforte tenant add` refuses while an existing portal has no host
// name (it would go dark), refuses bad input without writing anything, and then
// creates a portal that answers on its host names with statuses of its own, whose
// printed link creates its first administrator; the first portal answers on as
// before, an unknown host reaches neither, and `tenant list` / `setup-link` tell the
// state.
func TestTenantCommand(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		alpha := env.Tenant("Alpha Service")
		t.Setenv("PFORTE_DATABASE_URL", env.DSN)
		run := func(args ...string) (int, string, string) {
			var out, errOut bytes.Buffer
			code := Run(append([]string{"pforte", "tenant", "--data", env.Data}, args...), &out, &errOut)
			return code, out.String(), errOut.String()
		}
		tenants := func() int { return count(t, env, `SELECT COUNT(*) FROM tenants`) }

		if code, _, errOut := run("add", "Beta Service AG", "--host", "beta.test"); code != 1 ||
			!strings.Contains(errOut, `no host name yet for the portal "Alpha Service"`) {
			t.Fatalf("add while the first portal has no host name: %d %s", code, errOut)
		}
		if err := env.DB.InTx(ctx, func(tx *db.Tx) error { return tenant.SetHosts(ctx, tx, alpha.ID, []string{"alpha.test"}) }); err != nil {
			t.Fatal(err)
		}
		// What the command does not take is a usage error (exit code 2), the rest 1.
		usage := map[string]bool{"not 2 words": true, "belong to tenant add": true, `unknown action "remove"`: true}
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"add", "Beta Service AG"}, "give the new portal a host name with --host"},
			{[]string{"add", "Beta", "Service", "--host", "beta.test"}, "not 2 words"},
			{[]string{"add", "  ", "--host", "beta.test"}, "name the new portal"},
			{[]string{"add", "Beta", "--host", "https://beta.test/"}, `--host "https://beta.test/" is no host name`},
			{[]string{"add", "Beta", "--host", "ALPHA.test"}, `alpha.test belongs to the portal "Alpha Service"`},
			{[]string{"add", "Beta", "--host", "beta.test", "--language", "xx"}, `--language "xx" is none`},
			{[]string{"add", "Beta", "--host", "beta.test", "--url", "beta.test/x"}, `--url "beta.test/x" is no portal address`},
			{[]string{"list", "--host", "beta.test"}, "belong to tenant add"},
			{[]string{"remove", "Alpha"}, `unknown action "remove"`},
			{nil, "name what to do"},
		} {
			want := 1
			if usage[c.want] {
				want = 2
			}
			if code, _, errOut := run(c.args...); code != want || !strings.Contains(errOut, c.want) {
				t.Errorf("tenant %q: %d (want %d) %s", c.args, code, want, errOut)
			}
		}
		if n := tenants(); n != 1 {
			t.Fatalf("refused commands created %d tenants", n-1)
		}

		code, out, errOut := run("add", "Beta Service AG", "--host", "Beta.Test", "--host", "www.beta.test",
			"--url", "http://beta.test", "--language", "en")
		m := setupLinkRE.FindStringSubmatch(out)
		if code != 0 || m == nil || m[1] != "http://beta.test" {
			t.Fatalf("add: %d\n%s%s", code, out, errOut)
		}
		beta, err := tenant.ForHost(ctx, env.DB, "www.beta.test")
		if err != nil || beta.Name != "Beta Service AG" || beta.DefaultLanguage != "en" || beta.PortalURL != "http://beta.test" || beta.IsDefault {
			t.Fatalf("new tenant: %+v %v", beta, err)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM ticket_statuses WHERE tenant_id = ?`, beta.ID); n == 0 {
			t.Error("the new portal has no ticket statuses")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'settings_changed' AND actor LIKE 'cli:%'`, beta.ID); n != 1 {
			t.Errorf("creation audited %d times in the new portal", n)
		}
		// The printed link creates Beta's first administrator, on Beta's host.
		c := env.Client("beta.test")
		if r := c.Get(m[2]); r.Status != 200 {
			t.Fatalf("setup link: %d", r.Status)
		}
		r := c.Post(m[2], url.Values{"name": {"Bea Beta"}, "email": {"bea@beta.test"},
			"password": {"beta-admin-password"}, "password_confirm": {"beta-admin-password"}})
		if r.Status != 303 {
			t.Fatalf("setup: %d %.300s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM staff WHERE tenant_id = ? AND role = 'admin'`, beta.ID); n != 1 {
			t.Errorf("beta has %d admins", n)
		}
		if r := env.Client("alpha.test").Get("/login"); r.Status != 200 || !strings.Contains(r.Body, "Alpha Service") {
			t.Errorf("the first portal on its host: %d", r.Status)
		}
		if r := env.Client("elsewhere.test").Get("/login"); r.Status != 404 {
			t.Errorf("an unknown host with two portals: %d", r.Status)
		}

		if code, out, _ := run("list"); code != 0 || !strings.Contains(out, "Alpha Service (default)\n  host names: alpha.test") ||
			!strings.Contains(out, "Beta Service AG\n  host names: beta.test, www.beta.test\n  portal address: http://beta.test\n  administrators: 1") {
			t.Errorf("list: %d\n%s", code, out)
		}
		if code, _, errOut := run("setup-link", "beta.test"); code != 1 || !strings.Contains(errOut, "has an administrator already") {
			t.Errorf("setup-link for a portal with an admin: %d %s", code, errOut)
		}
		if code, out, _ := run("setup-link", "alpha.test"); code != 0 || setupLinkRE.FindString(out) == "" {
			t.Errorf("setup-link for a portal without an admin: %d\n%s", code, out)
		}
		if code, _, errOut := run("setup-link", "nowhere.test"); code != 1 || !strings.Contains(errOut, `no portal answers on host "nowhere.test"`) {
			t.Errorf("setup-link for an unknown host: %d %s", code, errOut)
		}
	})
}
