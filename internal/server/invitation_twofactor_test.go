package server_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestInvitationWaitsForSecondFactor: a contact with a password and two-factor sign-in
// who accepts an invitation to a further company by typing the password has not joined
// it yet: the link stays unused and the membership invited until the code is right; a
// wrong code or none changes nothing. A link used up while the code was typed makes the
// code step start over without joining.
func TestInvitationWaitsForSecondFactor(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co, other, third := env.Company(ten, "Kunde AG"), env.Company(ten, "Andere AG"), env.Company(ten, "Dritte AG")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		env.Contact(ten, "chef@dritte.test", "third-password", "main", third)
		env.Contact(ten, "extern@andere.test", "ext-password", "user", other)
		x := env.Client("")
		x.Login("extern@andere.test", "ext-password")
		secret, recovery := enableTOTP(t, x)

		invite := func(mainEmail, mainPW string) string {
			t.Helper()
			c := env.Client("")
			c.Login(mainEmail, mainPW)
			if r := c.Post("/colleagues", url.Values{"first_name": {"Erika"}, "last_name": {"Extern"}, "email": {"extern@andere.test"}, "role": {"user"}}); r.Status != 303 {
				t.Fatalf("invite: %d", r.Status)
			}
			_, text := lastMailTo(t, env, "extern@andere.test")
			return linkIn(t, text)
		}
		unused := func(companyID int64) int {
			t.Helper()
			m := membershipOf(t, env, ten.ID, companyID, "extern@andere.test")
			return count(t, env, `SELECT COUNT(*) FROM tokens WHERE membership_id = ? AND purpose = 'invitation' AND used_at IS NULL`, m.ID)
		}
		joined := func(companyID int64) bool {
			t.Helper()
			return membershipOf(t, env, ten.ID, companyID, "extern@andere.test").Access == contact.AccessActive
		}

		link := invite("chefin@kunde.test", "boss-password")
		g := env.Client("")
		if r := g.Post(link, url.Values{"password": {"ext-password"}}); r.Status != 303 || r.Location != "/login/code" {
			t.Fatalf("right password: %d %q, want the code step", r.Status, r.Location)
		}
		if joined(co.ID) || unused(co.ID) != 1 {
			t.Fatalf("the password alone accepted the invitation (joined %v, unused links %d)", joined(co.ID), unused(co.ID))
		}
		if g.Get("/").Status != 303 {
			t.Errorf("signed in with the password alone")
		}
		if r := g.Post("/login/code", url.Values{"code": {"000000"}}); r.Status != 422 {
			t.Errorf("wrong code: %d", r.Status)
		}
		if joined(co.ID) || unused(co.ID) != 1 || count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'invitation_accepted'`) != 0 {
			t.Fatalf("a wrong code accepted the invitation")
		}
		// The link still works (nothing was used); the right code finishes both.
		if r := env.Client("").Get(link); r.Status != 200 {
			t.Errorf("link after the password step: %d", r.Status)
		}
		if r := g.Post("/login/code", url.Values{"code": {nextCode(t, secret)}}); r.Status != 303 {
			t.Fatalf("right code: %d %.300s", r.Status, r.Body)
		}
		if !joined(co.ID) || unused(co.ID) != 0 {
			t.Errorf("after the code: joined %v, unused links %d", joined(co.ID), unused(co.ID))
		}
		if home := g.Get("/"); home.Status != 200 || !strings.Contains(home.Body, "Kunde AG") {
			t.Errorf("not signed in to the company just joined: %d", home.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'invitation_accepted' AND target = 'Kunde AG'`); n != 1 {
			t.Errorf("%d accepted entries, want 1", n)
		}
		if r := env.Client("").Get(link); r.Status != 410 {
			t.Errorf("link after accepting: %d", r.Status)
		}

		// A link used up (here: cancelled) while the code is typed joins nothing.
		link = invite("chef@dritte.test", "third-password")
		h := env.Client("")
		if r := h.Post(link, url.Values{"password": {"ext-password"}}); r.Status != 303 || r.Location != "/login/code" {
			t.Fatalf("right password, third company: %d %q", r.Status, r.Location)
		}
		m := membershipOf(t, env, ten.ID, third.ID, "extern@andere.test")
		if _, err := env.DB.Exec(t.Context(), `UPDATE tokens SET used_at = ? WHERE membership_id = ?`, time.Now().Unix(), m.ID); err != nil {
			t.Fatal(err)
		}
		// (A recovery code: the TOTP code of this period is used up already.)
		if r := h.Post("/login/code", url.Values{"code": {recovery[0]}}); r.Status != 303 || r.Location != "/login" {
			t.Errorf("code after the link went: %d %q, want back to the password", r.Status, r.Location)
		}
		if joined(third.ID) || h.Get("/").Status != 303 {
			t.Errorf("a used link joined the company or signed in")
		}
	})
}
