package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/passkey/passkeytest"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

const pkHost = "portal.test"

// addPasskey runs a registration ceremony for a logged-in client with the software
// authenticator and returns the new key and the finish answer.
func addPasskey(t *testing.T, c *apptest.Client, a *passkeytest.Authenticator, name string) (*passkeytest.Key, apptest.Response) {
	t.Helper()
	begin := c.PostJSON("/account/passkeys/begin", nil)
	if begin.Status != 200 {
		t.Fatalf("register begin: %d %.300s", begin.Status, begin.Body)
	}
	k, cred, err := a.Register([]byte(begin.Body))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"name": name, "credential": json.RawMessage(cred)})
	return k, c.PostJSON("/account/passkeys", body)
}

// passkeyLogin runs a login ceremony with key k and returns the finish answer.
func passkeyLogin(t *testing.T, c *apptest.Client, a *passkeytest.Authenticator, k *passkeytest.Key, next string) (apptest.Response, []byte) {
	t.Helper()
	begin := c.PostJSON("/login/passkey/begin", nil)
	if begin.Status != 200 {
		t.Fatalf("login begin: %d %.300s", begin.Status, begin.Body)
	}
	body, err := a.Assert([]byte(begin.Body), k)
	if err != nil {
		t.Fatal(err)
	}
	return c.PostJSON("/login/passkey?next="+url.QueryEscape(next), body), body
}

// TestPasskeyLifecycle: a contact adds a passkey (mail and audit), signs in with it and
// nothing else (landing where "next" says, session rotated), renames it, cannot remove
// it without the password, removes it (mail), and then cannot sign in with it.
func TestPasskeyLifecycle(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", pkHost)
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "ich@kunde.test", "my-password-1", "user", co)
		a := &passkeytest.Authenticator{Origin: "http://" + pkHost}

		c := env.Client(pkHost)
		c.Login("ich@kunde.test", "my-password-1")
		if page := c.Get("/account").Body; !strings.Contains(page, "Sie haben noch keinen Passkey") || !strings.Contains(page, "js/passkey.js") {
			t.Fatalf("account page lacks the passkey section:\n%.3000s", page)
		}
		begin := c.PostJSON("/account/passkeys/begin", nil)
		for _, want := range []string{`"id":"portal.test"`, `"residentKey":"required"`, `"userVerification":"required"`} {
			if !strings.Contains(begin.Body, want) {
				t.Errorf("creation options lack %s: %s", want, begin.Body)
			}
		}
		k, res := addPasskey(t, c, a, "Laptop")
		if res.Status != 200 || !strings.Contains(res.Body, `"redirect":"/account"`) {
			t.Fatalf("register finish: %d %s", res.Status, res.Body)
		}
		page := c.Get("/account").Body
		if !strings.Contains(page, "Laptop") || !strings.Contains(page, "Der Passkey wurde hinzugefügt") || !strings.Contains(page, "noch nie") {
			t.Fatalf("account page after adding:\n%.4000s", page)
		}
		if subject, text := lastMailTo(t, env, "ich@kunde.test"); !strings.Contains(subject, "Neuer Passkey") || !strings.Contains(text, "„Laptop“") {
			t.Errorf("added mail: %q\n%s", subject, text)
		}
		// The same authenticator cannot be registered twice (the credential id is unique).
		if k2, res := addPasskey(t, c, &passkeytest.Authenticator{Origin: a.Origin, Keys: nil}, "Zweiter"); res.Status != 200 || k2 == nil {
			t.Fatalf("second passkey: %d %s", res.Status, res.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM passkeys WHERE contact_id = ?`, ct.ID); n != 2 {
			t.Fatalf("%d passkeys stored, want 2", n)
		}

		// Signing in with the passkey alone, from a fresh browser with an old cookie.
		b := env.Client(pkHost)
		b.SetCookie(web.PortalCookie, "stale-cookie")
		res, assertion := passkeyLogin(t, b, a, k, "/account")
		if res.Status != 200 || !strings.Contains(res.Body, `"redirect":"/account"`) {
			t.Fatalf("passkey login: %d %s", res.Status, res.Body)
		}
		if ck := b.Cookie(web.PortalCookie); ck == "" || ck == "stale-cookie" {
			t.Fatalf("no new session cookie: %q", ck)
		}
		if r := b.Get("/"); r.Status != 200 || !strings.Contains(r.Body, "Kunde AG") {
			t.Fatalf("home after passkey login: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'login_passkey' AND contact_id = ? AND target = 'Laptop'`, ct.ID); n != 1 {
			t.Errorf("passkey login audited %d times", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM passkeys WHERE last_used_at IS NOT NULL AND sign_count = 1`); n != 1 {
			t.Errorf("use not recorded")
		}
		// A "next" pointing elsewhere is not followed.
		if res, _ := passkeyLogin(t, env.Client(pkHost), a, k, "https://evil.test/"); !strings.Contains(res.Body, `"redirect":"/"`) {
			t.Errorf("open redirect: %s", res.Body)
		}
		// A copy of the key that signs with an old counter is refused.
		saved := k.Count
		k.Count = 0
		if r, _ := passkeyLogin(t, env.Client(pkHost), a, k, "/"); r.Status != 401 {
			t.Errorf("counter went backwards: %d %s", r.Status, r.Body)
		}
		k.Count = saved
		// The same signed answer a second time: the challenge was used.
		if r := env.Client(pkHost).PostJSON("/login/passkey", assertion); r.Status != 401 || !strings.Contains(r.Body, "fehlgeschlagen") {
			t.Errorf("replayed assertion: %d %s", r.Status, r.Body)
		}

		var id string
		env.DB.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM passkeys WHERE name = 'Laptop'`).Scan(&id)
		if r := c.Post("/account/passkeys/"+id+"/rename", url.Values{"name": {"  "}}); r.Status != 422 ||
			!strings.Contains(r.Body, `id="pk-`+id+`-name-err"`) || !strings.Contains(r.Body, "<details open") {
			t.Errorf("empty name: %d\n%.3000s", r.Status, r.Body)
		}
		if r := c.Post("/account/passkeys/"+id+"/rename", url.Values{"name": {"Büro-Laptop"}}); r.Status != 303 {
			t.Fatalf("rename: %d", r.Status)
		}
		if r := c.Post("/account/passkeys/"+id+"/delete", url.Values{"password": {"wrong-password"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "falsch") || !strings.Contains(r.Body, `value="Büro-Laptop"`) {
			t.Errorf("wrong password: %d\n%.3000s", r.Status, r.Body)
		}
		if r := c.Post("/account/passkeys/"+id+"/delete", url.Values{"password": {"my-password-1"}}); r.Status != 303 {
			t.Fatalf("delete: %d", r.Status)
		}
		if subject, text := lastMailTo(t, env, "ich@kunde.test"); !strings.Contains(subject, "entfernt") || !strings.Contains(text, "„Büro-Laptop“") {
			t.Errorf("removed mail: %q\n%s", subject, text)
		}
		for _, action := range []string{"passkey_added", "passkey_renamed", "passkey_removed"} {
			if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND contact_id = ?`, action, ct.ID); n < 1 {
				t.Errorf("%s not audited", action)
			}
		}
		if r, _ := passkeyLogin(t, env.Client(pkHost), a, k, "/"); r.Status != 401 {
			t.Errorf("login with a removed passkey: %d %s", r.Status, r.Body)
		}
	})
}
