package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffInvitationAfterPassword: a staff invitation sets the first password only. A
// member who got a password another way (here: the operator's `pforte staff-login`
// link, for an invitation mail that never arrived) and then switched on two-factor
// sign-in cannot be taken over with the invitation link still lying in the mailbox or
// the outbox: the link reads as used, sets no password, signs nobody in and ends no
// session; the member's password and second factor stay.
func TestStaffInvitationAfterPassword(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, "admin", "boss@service.test", "boss-password")
		boss := env.Client("")
		boss.AdminLogin("boss@service.test", "boss-password")
		if r := boss.Post("/admin/staff", url.Values{"name": {"Neu"}, "email": {"neu@service.test"}, "role": {"admin"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "neu@service.test")
		invitation := linkIn(t, text)

		// The operator prints a set-password link instead; the member uses it.
		res, err := env.App.Access.OperatorStaffLogin(ctx, ten, access.OperatorLogin{Email: "neu@service.test", Actor: "cli:root"})
		if err != nil {
			t.Fatal(err)
		}
		member := env.Client("")
		if r := member.Post(res.Link, url.Values{"password": {"member-password-1"}, "password_confirm": {"member-password-1"}}); r.Status != 303 {
			t.Fatalf("operator link: %d %.300s", r.Status, r.Body)
		}
		secret, _ := staffSetupTOTP(t, member)
		var hash string
		env.DB.QueryRow(ctx, `SELECT password_hash FROM staff WHERE email = 'neu@service.test'`).Scan(&hash)

		// Whoever holds the invitation mail gets nowhere.
		x := env.Client("")
		if r := x.Get(invitation); r.Status != 410 || !strings.Contains(r.Body, "bereits verwendet") {
			t.Errorf("invitation link after the password was set: %d", r.Status)
		}
		r := x.Post(invitation, url.Values{"password": {"intruder-password"}, "password_confirm": {"intruder-password"}})
		if r.Status != 410 {
			t.Errorf("invitation link sets a password over the member's: %d %q", r.Status, r.Location)
		}
		if r := x.Get("/admin/"); r.Status != 303 {
			t.Errorf("signed in with the invitation link alone, past two-factor sign-in: %d", r.Status)
		}
		var now string
		env.DB.QueryRow(ctx, `SELECT password_hash FROM staff WHERE email = 'neu@service.test'`).Scan(&now)
		if now != hash || auth.CheckPassword(now, "intruder-password") == nil {
			t.Error("the invitation link changed the member's password")
		}
		if r := member.Get("/admin/"); r.Status != 200 {
			t.Errorf("the member's session ended: %d", r.Status)
		}
		// The member's own password and code still sign in.
		l := env.Client("")
		if r := l.Post("/admin/login", url.Values{"email": {"neu@service.test"}, "password": {"member-password-1"}}); r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/login/code") {
			t.Fatalf("the member's password: %d %q", r.Status, r.Location)
		}
		if r := l.Post("/admin/login/code", url.Values{"code": {nextCode(t, secret)}}); r.Status != 303 || l.Get("/admin/").Status != 200 {
			t.Errorf("the member's code: %d %q", r.Status, r.Location)
		}
	})
}
