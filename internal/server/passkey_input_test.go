package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/passkey/passkeytest"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestPasskeyBadInput: the begin and finish endpoints answer garbage, unknown and
// forged credentials, expired and reused challenges, and ceremonies of someone else
// with a clear error (never a 500 and never a session); failures are audited and
// throttled per address.
func TestPasskeyBadInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", pkHost)
		co := env.Company(ten, "Kunde AG")
		me := env.Contact(ten, "ich@kunde.test", "my-password-1", "user", co)
		env.Contact(ten, "du@kunde.test", "your-password-1", "user", co)
		a := &passkeytest.Authenticator{Origin: "http://" + pkHost}
		c := env.Client(pkHost)
		c.Login("ich@kunde.test", "my-password-1")
		k, res := addPasskey(t, c, a, "Laptop")
		if res.Status != 200 {
			t.Fatalf("register: %d %s", res.Status, res.Body)
		}
		ctx := context.Background()
		noSession := func(who string, cl *apptest.Client) {
			t.Helper()
			if cl.Cookie(web.PortalCookie) != "" {
				t.Errorf("%s: a failed passkey login set a session cookie", who)
			}
		}

		// Registration: garbage, a missing credential, a credential answering no
		// ceremony, a ceremony begun by another contact, a wrong origin.
		for name, body := range map[string]string{
			"garbage": `{not json`, "empty": `{}`, "no credential": `{"name":"x"}`,
			"broken credential": `{"name":"x","credential":{"id":"AAAA","type":"public-key","response":{}}}`,
		} {
			if r := c.PostJSON("/account/passkeys", []byte(body)); r.Status != 400 || !strings.Contains(r.Body, `"error"`) {
				t.Errorf("register %s: %d %s", name, r.Status, r.Body)
			}
		}
		other := env.Client(pkHost)
		other.Login("du@kunde.test", "your-password-1")
		theirs := other.PostJSON("/account/passkeys/begin", nil)
		_, cred, _ := a.Register([]byte(theirs.Body))
		body, _ := json.Marshal(map[string]any{"name": "x", "credential": json.RawMessage(cred)})
		if r := c.PostJSON("/account/passkeys", body); r.Status != 400 || !strings.Contains(r.Body, "abgelaufen") {
			t.Errorf("finishing another contact's ceremony: %d %s", r.Status, r.Body)
		}
		phish := &passkeytest.Authenticator{Origin: "https://evil.test"}
		if _, r := addPasskey(t, c, phish, "x"); r.Status != 400 || !strings.Contains(r.Body, "nicht bestätigt") {
			t.Errorf("wrong origin: %d %s", r.Status, r.Body)
		}
		if _, r := addPasskey(t, c, a, strings.Repeat("n", 101)); r.Status != 422 || !strings.Contains(r.Body, "100") {
			t.Errorf("long name: %d %s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM passkeys`); n != 1 {
			t.Errorf("%d passkeys stored after bad registrations, want 1", n)
		}
		// Without a session there is nothing to register to.
		if r := env.Client(pkHost).PostJSON("/account/passkeys/begin", nil); r.Status != 404 {
			t.Errorf("register begin without session: %d", r.Status)
		}

		// Login: garbage, an unknown credential, another key claiming my credential id,
		// an expired challenge.
		guest := env.Client(pkHost)
		for _, body := range []string{`garbage`, `{}`, `{"id":"x","rawId":"x","type":"public-key","response":{"clientDataJSON":"e30"}}`} {
			if r := guest.PostJSON("/login/passkey", []byte(body)); r.Status != 401 || !strings.Contains(r.Body, "fehlgeschlagen") {
				t.Errorf("login with %q: %d %s", body, r.Status, r.Body)
			}
		}
		stranger := &passkeytest.Authenticator{Origin: a.Origin}
		unknown, _, _ := stranger.Register([]byte(`{"publicKey":{"challenge":"AAAAAAAAAAAAAAAAAAAAAA","rp":{"id":"portal.test"},"user":{"id":"AAAA"}}}`))
		if r, _ := passkeyLogin(t, guest, stranger, unknown, "/"); r.Status != 401 {
			t.Errorf("unknown credential: %d %s", r.Status, r.Body)
		}
		if r, _ := passkeyLogin(t, guest, stranger, k.Forge(k.ID), "/"); r.Status != 401 {
			t.Errorf("forged signature: %d %s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND contact_id = ?`, me.ID); n != 1 {
			t.Errorf("the forged login on my passkey is audited for me %d times, want 1", n)
		}
		// Five failures from one address are allowed per window; start counting afresh.
		env.DB.Exec(ctx, `DELETE FROM login_failures`)
		begin := guest.PostJSON("/login/passkey/begin", nil)
		env.DB.Exec(ctx, `UPDATE passkey_ceremonies SET expires_at = 0`)
		late, _ := a.Assert([]byte(begin.Body), k)
		if r := guest.PostJSON("/login/passkey", late); r.Status != 401 {
			t.Errorf("expired challenge: %d %s", r.Status, r.Body)
		}
		noSession("guest", guest)
		// A passkey made for another host name of the tenant is not taken here.
		if r, _ := passkeyLogin(t, guest, &passkeytest.Authenticator{Origin: "http://other.test"}, k, "/"); r.Status != 401 {
			t.Errorf("other origin: %d", r.Status)
		}
		// By IP address there are no passkeys (WebAuthn needs a domain).
		if r := env.Client("127.0.0.1").PostJSON("/login/passkey/begin", nil); r.Status != 400 || !strings.Contains(r.Body, "nicht verfügbar") {
			t.Errorf("begin by IP: %d %s", r.Status, r.Body)
		}

		// Two failures so far; three more and even a good passkey has to wait.
		for i := 0; i < 3; i++ {
			guest.PostJSON("/login/passkey", []byte(`garbage`))
		}
		r, _ := passkeyLogin(t, guest, a, k, "/")
		if r.Status != 429 || !strings.Contains(r.Body, "Zu viele") {
			t.Errorf("throttled login: %d %s", r.Status, r.Body)
		}
		noSession("throttled guest", guest)
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'login_throttled'`); n < 1 {
			t.Errorf("throttling not audited")
		}
		// The password form is a separate account key and still works from there.
		guest.Login("ich@kunde.test", "my-password-1")
	})
}
