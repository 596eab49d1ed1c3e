package server_test

import (
	"context"
	"html"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestSetupLinkDeadWords: the first administrator's setup link comes from pforte
// serve's output, not from a mail. A mistyped or expired one used to say to check the
// email or to ask for a new invitation; now it says where a fresh link comes from
// (restarting pforte serve), and once an administrator exists, to sign in.
func TestSetupLinkDeadWords(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		link, err := env.App.Access.SetupLink(ctx, ten.ID, env.Srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		path := strings.TrimPrefix(link, env.Srv.URL)
		de := i18n.For("de")
		c := env.Client("")
		check := func(what, path, want string) {
			t.Helper()
			r := c.Get(path)
			body := html.UnescapeString(r.Body)
			if r.Status != 410 || !strings.Contains(body, de.T(want)) {
				t.Errorf("%s: status %d, want 410 saying %q", what, r.Status, de.T(want))
			}
			for _, mailWords := range []string{"link.unknown", "link.expired", "link.used"} {
				if strings.Contains(body, de.T(mailWords)) {
					t.Errorf("%s: says %q, words for a link from a mail", what, de.T(mailWords))
				}
			}
		}
		check("mistyped link", path+"x", "setup_link.unknown")
		if _, err := env.DB.Exec(ctx, `UPDATE tokens SET expires_at = 1 WHERE tenant_id = ?`, ten.ID); err != nil {
			t.Fatal(err)
		}
		check("expired link", path, "setup_link.expired")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		check("link after the first admin", path, "setup_link.done")
	})
}
