package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/passkey"
	"pforte/internal/passkey/passkeytest"
	"pforte/internal/testutil"
)

// TestPasskeyIsolation: a contact cannot rename or remove another contact's passkey (of
// the same company's tenant or of another tenant) — 404, nothing changes — and a
// passkey of tenant B does not sign anyone in on tenant A's host.
func TestPasskeyIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		ctx := context.Background()
		var ta, tb int64
		w.env.DB.QueryRow(ctx, `SELECT tenant_id FROM contacts WHERE id = ?`, w.bob).Scan(&ta)
		w.env.DB.QueryRow(ctx, `SELECT tenant_id FROM contacts WHERE id = ?`, w.carol).Scan(&tb)
		foreign := map[string]int64{}
		for who, o := range map[string]struct{ tenant, contact int64 }{"bob": {ta, w.bob}, "carol": {tb, w.carol}} {
			pkID, err := passkey.Insert(ctx, w.env.DB, passkey.Passkey{TenantID: o.tenant, ContactID: o.contact,
				CredentialID: []byte("cred-" + who), UserHandle: []byte("h-" + who), RPID: "a.test", Name: "Key of " + who,
				PublicKey: []byte{1}}, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			foreign[who] = pkID
		}
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		for who, pkID := range foreign {
			for _, action := range []string{"rename", "delete"} {
				r := alice.Post("/account/passkeys/"+id(pkID)+"/"+action, url.Values{"name": {"Mine"}, "password": {"alice-password"}})
				if r.Status != 404 {
					t.Errorf("%s %s's passkey: %d, want 404", action, who, r.Status)
				}
			}
		}
		for _, bad := range []string{"abc", "0", "-1", "999999"} {
			if r := alice.Post("/account/passkeys/"+bad+"/delete", url.Values{"password": {"alice-password"}}); r.Status != 404 {
				t.Errorf("delete %s: %d", bad, r.Status)
			}
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM passkeys WHERE name LIKE 'Key of %'`); n != 2 {
			t.Errorf("foreign passkeys changed: %d left with their names", n)
		}

		// Carol registers a real passkey on tenant B; on tenant A's host it is unknown,
		// even when her authenticator claims tenant A's host name.
		carol := w.env.Client("b.test")
		carol.Login("carol@b1.test", "carol-password")
		a := &passkeytest.Authenticator{Origin: "http://b.test"}
		k, res := addPasskey(t, carol, a, "Carols")
		if res.Status != 200 {
			t.Fatalf("carol registers: %d %s", res.Status, res.Body)
		}
		k.RPID, a.Origin = "a.test", "http://a.test"
		if r, _ := passkeyLogin(t, w.env.Client("a.test"), a, k, "/"); r.Status != 401 {
			t.Errorf("tenant B passkey on tenant A: %d %s", r.Status, r.Body)
		}
		k.RPID, a.Origin = "b.test", "http://b.test"
		if r, _ := passkeyLogin(t, w.env.Client("b.test"), a, k, "/"); r.Status != 200 {
			t.Errorf("carol on her own tenant: %d %s", r.Status, r.Body)
		}
	})
}
