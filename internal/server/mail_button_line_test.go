package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestMailButtonLineTypography: the plain-text part of a mail introduces its link with
// the button's words and a colon set the way the reader's language sets it. French puts
// a (no-break) space before the colon — the invitation said "Définir le mot de passe:" —
// German and English do not. Staff grant access in the back office; the invitation goes
// out in each contact's language.
func TestMailButtonLineTypography(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, "admin", "chef@service.test", "admin-password-1")
		co := env.Company(ten, "Kunde AG")
		admin := env.Client("")
		admin.AdminLogin("chef@service.test", "admin-password-1")
		for _, c := range []struct{ lang, email, want string }{
			{"fr", "lea@kunde.test", "Définir le mot de passe\u00a0:\nhttp"},
			{"de", "lena@kunde.test", "Passwort festlegen:\nhttp"},
			{"en", "liam@kunde.test", "Set password:\nhttp"},
		} {
			ct := env.Contact(ten, c.email, "", "user", co)
			if _, err := env.DB.Exec(context.Background(), `UPDATE contacts SET language = ? WHERE id = ?`, c.lang, ct.ID); err != nil {
				t.Fatal(err)
			}
			ms := memberships(t, env, ten.ID, ct.ID)
			if r := admin.Post("/admin/memberships/"+itoa64(ms[0])+"/grant", url.Values{"role": {"user"}}); r.Status != 303 {
				t.Fatalf("%s: grant: status %d %.300s", c.lang, r.Status, r.Body)
			}
			_, text := lastMailTo(t, env, c.email)
			if !strings.Contains(text, c.want) {
				t.Errorf("%s: the link is not introduced by %q:\n%s", c.lang, c.want, text)
			}
		}
	})
}
