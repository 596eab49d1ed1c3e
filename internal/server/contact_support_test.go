package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/passkey"
	"pforte/internal/testutil"
	"pforte/internal/twofactor"
)

// supportSection is the contact page's "Sign-in and support" section, for assertions
// that must not match text elsewhere on the page.
func supportSection(t *testing.T, c *apptest.Client, path string) string {
	t.Helper()
	r := c.Get(path)
	start := strings.Index(r.Body, `aria-labelledby="support-h"`)
	if r.Status != 200 || start < 0 {
		t.Fatalf("contact page %s: %d, support section found: %v", path, r.Status, start >= 0)
	}
	end := strings.Index(r.Body[start:], "</section>")
	return r.Body[start : start+end]
}

// flashAfter follows a support action's redirect back to the contact page and returns
// the page with the flash message.
func flashAfter(t *testing.T, c *apptest.Client, r apptest.Response, back string) string {
	t.Helper()
	if r.Status != 303 || r.Location != back {
		t.Fatalf("support action: %d %q, want 303 to %s", r.Status, r.Location, back)
	}
	return c.Get(back).Body
}

// TestContactSupport: a contact's page shows how they sign in (last sign-in, two-factor,
// passkeys, a throttle lock); staff unlock the sign-in, mail a reset link that works
// once in the contact's language although the tenant offers no self-service reset, and
// an admin (never an agent) resets two-factor sign-in: the key and recovery codes go,
// the passkey stays, the sessions end and the notice is mailed. All is audited.
func TestContactSupport(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		anna := env.Contact(ten, "anna@kunde.test", "anna-password-1", "user", co)
		nopw := env.Contact(ten, "neu@kunde.test", "", "user", co)
		ctx := context.Background()
		if _, err := env.DB.Exec(ctx, `UPDATE contacts SET language = 'fr' WHERE id = ?`, anna.ID); err != nil {
			t.Fatal(err)
		}
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		admin, agent := env.Client("a.test"), env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		agent.AdminLogin("agent@service.test", "agent-password")
		annaPath, nopwPath := "/admin/contacts/"+id(anna.ID), "/admin/contacts/"+id(nopw.ID)

		// States before anything happened.
		s := supportSection(t, admin, annaPath)
		for _, want := range []string{"Aktiv (Passwort gesetzt)", "Noch nie", "0 Passkeys", "Nicht gesperrt", annaPath + "/password-reset"} {
			if !strings.Contains(s, want) {
				t.Errorf("anna's section lacks %q:\n%s", want, s)
			}
		}
		for _, not := range []string{"/unlock", "/twofactor-reset"} {
			if strings.Contains(s, not) {
				t.Errorf("anna's section offers %s without cause", not)
			}
		}
		if s := supportSection(t, agent, nopwPath); !strings.Contains(s, "Noch kein Passwort gesetzt") || strings.Contains(s, "/password-reset") {
			t.Errorf("contact without password:\n%s", s)
		}
		// A contact older than the audit log keeps sign-ins may have signed in before it.
		if _, err := env.DB.Exec(ctx, `UPDATE contacts SET created_at = ? WHERE id = ?`, time.Now().AddDate(-3, 0, 0).Unix(), anna.ID); err != nil {
			t.Fatal(err)
		}
		if s := supportSection(t, agent, annaPath); strings.Contains(s, "Noch nie") ||
			!strings.Contains(s, "Nicht in den letzten 730 Tagen (ältere Anmeldungen werden nach den Aufbewahrungsregeln gelöscht)") {
			t.Errorf("sign-in older than the audit log keeps:\n%s", s)
		}
		env.Client("a.test").Login("anna@kunde.test", "anna-password-1")
		if s := supportSection(t, agent, annaPath); strings.Contains(s, "Noch nie") || !strings.Contains(s, "<time datetime=") {
			t.Errorf("last sign-in not shown:\n%s", s)
		}

		supportUnlock(t, env, agent, anna.ID, annaPath)
		supportReset(t, env, agent, anna.ID, annaPath, nopwPath)
		supportTwoFactor(t, env, admin, agent, anna.ID, annaPath)
	})
}

// supportUnlock: wrong passwords lock a client out; the page says until when, an agent
// unlocks it, the right password works again at once, and the unlock is audited.
func supportUnlock(t *testing.T, env *apptest.Env, agent *apptest.Client, annaID int64, path string) {
	t.Helper()
	if page := flashAfter(t, agent, agent.Post(path+"/unlock", nil), path); !strings.Contains(page, "nicht (mehr) gesperrt") {
		t.Errorf("unlocking an unlocked sign-in says nothing")
	}
	locked := env.Client("a.test")
	for range 5 {
		locked.Post("/login", url.Values{"email": {"anna@kunde.test"}, "password": {"wrong-password"}})
	}
	if r := locked.Post("/login", url.Values{"email": {"anna@kunde.test"}, "password": {"anna-password-1"}}); r.Status == 303 {
		t.Fatalf("the throttle let the right password in after 5 failures: %d", r.Status)
	}
	s := supportSection(t, agent, path)
	if !mustRE(`Gesperrt bis \d`).MatchString(s) || !strings.Contains(s, path+"/unlock") {
		t.Fatalf("lock not shown:\n%s", s)
	}
	if page := flashAfter(t, agent, agent.Post(path+"/unlock", nil), path); !strings.Contains(page, "Die Anmeldung ist entsperrt") {
		t.Errorf("unlock: no confirmation")
	}
	if s := supportSection(t, agent, path); !strings.Contains(s, "Nicht gesperrt") {
		t.Errorf("still locked after unlocking:\n%s", s)
	}
	locked.Login("anna@kunde.test", "anna-password-1")
	if n := auditCount(t, env, annaID, access.SupportUnlocked); n != 1 {
		t.Errorf("%d unlock audit entries, want 1", n)
	}
}

// supportReset: an agent mails the reset link; it arrives in the contact's language and
// works once, although the tenant offers no "forgot password". A contact without a
// password gets none.
func supportReset(t *testing.T, env *apptest.Env, agent *apptest.Client, annaID int64, path, nopwPath string) {
	t.Helper()
	ctx := context.Background()
	if page := flashAfter(t, agent, agent.Post(nopwPath+"/password-reset", nil), nopwPath); !strings.Contains(page, "noch kein Passwort gesetzt") {
		t.Errorf("reset for a contact without password: no clear message")
	}
	if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'neu@kunde.test'`); n != 0 {
		t.Errorf("%d mails to a contact without password", n)
	}
	old := env.Client("a.test")
	old.Login("anna@kunde.test", "anna-password-1")
	if page := flashAfter(t, agent, agent.Post(path+"/password-reset", nil), path); !strings.Contains(page, "Link zum Zurücksetzen des Passworts wurde") {
		t.Errorf("reset sent: no confirmation")
	}
	subject, text := lastMailTo(t, env, "anna@kunde.test")
	if !strings.HasPrefix(subject, "Nouveau mot de passe") {
		t.Errorf("reset mail not in the contact's language: %q", subject)
	}
	link := strings.TrimPrefix(mustRE(`https?://\S+/password/reset/\S+`).FindString(text), env.Srv.URL)
	link = strings.TrimPrefix(link, "http://a.test")
	if !strings.HasPrefix(link, "/password/reset/") {
		t.Fatalf("no reset link in:\n%s", text)
	}
	c := env.Client("a.test")
	if r := c.Get(link); r.Status != 200 {
		t.Fatalf("staff-sent link with self-service reset off: %d", r.Status)
	}
	if r := c.Post(link, url.Values{"password": {"anna-password-2"}, "password_confirm": {"anna-password-2"}}); r.Status != 303 {
		t.Fatalf("setting the password: %d %.300s", r.Status, r.Body)
	}
	if r := env.Client("a.test").Get(link); r.Status != 410 {
		t.Errorf("link used twice: %d", r.Status)
	}
	if r := old.Get("/account"); r.Status != 303 {
		t.Errorf("session from before the reset survived: %d", r.Status)
	}
	// Self-service stays off: the request page and made-up links are still 404.
	if r := c.Get("/password/forgot"); r.Status != 404 {
		t.Errorf("forgot-password page with the feature off: %d", r.Status)
	}
	if r := c.Get("/password/reset/made-up-token"); r.Status != 404 {
		t.Errorf("unknown reset link with the feature off: %d", r.Status)
	}
	if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND action = ? AND actor LIKE 'staff:%agent@service.test'
		AND target = 'anna@kunde.test'`, annaID, access.SupportResetSent); n != 1 {
		t.Errorf("%d reset audit entries, want 1", n)
	}
	var staffID *int64
	if err := env.DB.QueryRow(ctx, `SELECT staff_id FROM tokens WHERE contact_id = ? AND purpose = 'reset'`, annaID).Scan(&staffID); err != nil || staffID == nil {
		t.Errorf("reset token does not name the staff member: %v", err)
	}
}

// supportTwoFactor: an agent may not reset two-factor sign-in (404); an admin, after the
// confirmation, switches it off: recovery codes deleted, passkey kept, sessions ended,
// notice mailed in the contact's language, audited; the password alone signs in again.
func supportTwoFactor(t *testing.T, env *apptest.Env, admin, agent *apptest.Client, annaID int64, path string) {
	t.Helper()
	ctx := context.Background()
	c := env.Client("a.test")
	c.Login("anna@kunde.test", "anna-password-2")
	enableTOTP(t, c)
	var tenantID int64
	env.DB.QueryRow(ctx, `SELECT tenant_id FROM contacts WHERE id = ?`, annaID).Scan(&tenantID)
	if _, err := passkey.Insert(ctx, env.DB, passkey.Passkey{TenantID: tenantID, ContactID: annaID, CredentialID: []byte("cred-1"),
		UserHandle: []byte("user-1"), RPID: "a.test", Name: "Laptop", PublicKey: []byte("key")}, time.Now()); err != nil {
		t.Fatal(err)
	}
	s := supportSection(t, admin, path)
	if !strings.Contains(s, "1 Passkey") || !strings.Contains(s, "<dd>An</dd>") && !strings.Contains(s, ">An<") {
		t.Errorf("two-factor state not shown:\n%s", s)
	}
	if !strings.Contains(s, `action="`+path+`/twofactor-reset" data-confirm="`) {
		t.Errorf("admin gets no confirmed reset form:\n%s", s)
	}
	if s := supportSection(t, agent, path); strings.Contains(s, "/twofactor-reset") {
		t.Errorf("agent is offered the two-factor reset")
	}
	if r := agent.Post(path+"/twofactor-reset", nil); r.Status != 404 {
		t.Errorf("agent resets two-factor sign-in: %d, want 404", r.Status)
	}
	if on, _ := twofactor.Enabled(ctx, env.DB, tenantID, annaID); !on {
		t.Fatalf("agent's request switched two-factor sign-in off")
	}
	if page := flashAfter(t, admin, admin.Post(path+"/twofactor-reset", nil), path); !strings.Contains(page, "Die Zwei-Faktor-Anmeldung ist aus") {
		t.Errorf("two-factor reset: no confirmation")
	}
	if on, _ := twofactor.Enabled(ctx, env.DB, tenantID, annaID); on {
		t.Errorf("two-factor sign-in still on")
	}
	if n := count(t, env, `SELECT COUNT(*) FROM recovery_codes WHERE contact_id = ?`, annaID); n != 0 {
		t.Errorf("%d recovery codes left", n)
	}
	if keys, _ := passkey.ForContact(ctx, env.DB, tenantID, annaID); len(keys) != 1 {
		t.Errorf("passkeys after the reset: %d, want 1", len(keys))
	}
	if r := c.Get("/account"); r.Status != 303 {
		t.Errorf("contact's session survived the two-factor reset: %d", r.Status)
	}
	if subject, _ := lastMailTo(t, env, "anna@kunde.test"); !strings.HasPrefix(subject, "Authentification à deux facteurs désactivée") {
		t.Errorf("no notice in the contact's language: %q", subject)
	}
	if n := auditCount(t, env, annaID, access.SupportTwoFactorReset); n != 1 {
		t.Errorf("%d two-factor reset audit entries, want 1", n)
	}
	env.Client("a.test").Login("anna@kunde.test", "anna-password-2") // no code step any more
	if s := supportSection(t, admin, path); strings.Contains(s, "/twofactor-reset") {
		t.Errorf("reset still offered with two-factor sign-in off")
	}
}
