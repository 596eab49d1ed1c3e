package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/passkey/passkeytest"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestStaffSentResetAsksCode: the reset link staff mail from a contact's page (which
// works although the tenant offers no self-service reset) asks a contact with TOTP
// for the code like a requested one: without it the password, the contact's session
// and the link stay; with it the password changes and the contact is signed in.
func TestStaffSentResetAsksCode(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		anna := env.Contact(ten, "anna@kunde.test", "anna-password-1", "user", co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")
		owner := env.Client("a.test")
		owner.Login("anna@kunde.test", "anna-password-1")
		secret, _ := enableTOTP(t, owner)

		path := "/admin/contacts/" + id(anna.ID)
		if r := agent.Post(path+"/password-reset", nil); r.Status != 303 {
			t.Fatalf("send reset link: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "anna@kunde.test")
		link := mustRE(`/password/reset/\S+`).FindString(text)
		if link == "" {
			t.Fatalf("no reset link in:\n%s", text)
		}
		c := env.Client("a.test")
		if r := c.Get(link); r.Status != 200 || !strings.Contains(r.Body, `name="code"`) {
			t.Fatalf("staff-sent reset page of a TOTP account: %d, code field %v", r.Status, strings.Contains(r.Body, `name="code"`))
		}
		form := url.Values{"password": {"mailbox-password"}, "password_confirm": {"mailbox-password"}}
		if r := c.Post(link, form); r.Status != 422 || !strings.Contains(r.Body, `id="e-code"`) {
			t.Errorf("staff-sent reset without the code: %d", r.Status)
		}
		if c.Cookie(web.PortalCookie) != "" || owner.Get("/account").Status != 200 || c.Get(link).Status != 200 {
			t.Fatal("the link alone signed in, ended the owner's session or was used up")
		}
		passwordStep(t, env.Client("a.test"), "anna@kunde.test", "anna-password-1") // the old password still holds
		form.Set("code", nextCode(t, secret))
		if r := c.Post(link, form); r.Status != 303 || r.Location != "/" || c.Get("/").Status != 200 {
			t.Fatalf("staff-sent reset with the code: %d %q", r.Status, r.Location)
		}
	})
}

// TestErasureLeavesNoSecondFactor: erasing a contact takes their password, TOTP,
// recovery codes, passkeys and open links together, so no contact is left without a
// password but with a second factor, whose invitation would set a password before the
// code. A new contact under the same address starts from nothing: the invitation
// sets the first password and signs in, and the old account's link is dead.
func TestErasureLeavesNoSecondFactor(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", pkHost)
		co := env.Company(ten, "Kunde AG")
		anna := env.Contact(ten, "anna@kunde.test", "anna-password-1", "user", co)
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		admin := env.Client(pkHost)
		admin.AdminLogin("admin@service.test", "admin-password")
		owner := env.Client(pkHost)
		owner.Login("anna@kunde.test", "anna-password-1")
		enableTOTP(t, owner)
		if _, r := addPasskey(t, owner, &passkeytest.Authenticator{Origin: "http://" + pkHost}, "Laptop"); r.Status != 200 && r.Status != 201 {
			t.Fatalf("add passkey: %d", r.Status)
		}
		path := "/admin/contacts/" + id(anna.ID)
		if r := admin.Post(path+"/password-reset", nil); r.Status != 303 {
			t.Fatalf("send reset link: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "anna@kunde.test")
		oldLink := mustRE(`/password/reset/\S+`).FindString(text)

		if r := admin.Post(path+"/erase", url.Values{"confirm": {"anna@kunde.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d %.300s", r.Status, r.Body)
		}
		for _, table := range []string{"contact_totp", "recovery_codes", "passkeys", "tokens", "login_challenges"} {
			if n := count(t, env, `SELECT COUNT(*) FROM `+table+` WHERE contact_id = ?`, anna.ID); n != 0 {
				t.Errorf("%d rows of %s left after the erasure", n, table)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM contacts WHERE id = ? AND password_hash = ''`, anna.ID); n != 1 {
			t.Errorf("the erased contact kept a password")
		}
		// (404: the link is gone, and the tenant offers no self-service reset.)
		if r := env.Client(pkHost).Get(oldLink); r.Status != 404 && r.Status != 410 {
			t.Errorf("the erased contact's reset link: %d", r.Status)
		}

		// The address comes back as a new contact: an invitation without any code.
		again := env.Contact(ten, "anna@kunde.test", "", "user", co)
		if err := env.App.Access.Grant(ctx, ten, actor, memberships(t, env, ten.ID, again.ID)[0], "user", "http://"+pkHost); err != nil {
			t.Fatal(err)
		}
		_, text = lastMailTo(t, env, "anna@kunde.test")
		c := env.Client(pkHost)
		r := c.Post(linkIn(t, text), url.Values{"password": {"anna-password-2"}, "password_confirm": {"anna-password-2"}})
		if r.Status != 303 || r.Location != "/" || c.Get("/").Status != 200 {
			t.Errorf("invitation of the new contact: %d %q", r.Status, r.Location)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM contact_totp WHERE contact_id = ?`, again.ID) +
			count(t, env, `SELECT COUNT(*) FROM passkeys WHERE contact_id = ?`, again.ID); n != 0 {
			t.Errorf("the new contact inherited %d second-factor rows", n)
		}
	})
}
