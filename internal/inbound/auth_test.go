package inbound

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestListenerAuth: with a trusted authserv-id the listener hands the router the
// verdict on the From address, logs it, records it with the mail and shows it on the
// inbox item; another tenant's setting does not apply, and without one nothing is
// checked.
func TestListenerAuth(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		r := startRig(t, e, "lmtp://127.0.0.1:0")
		must(t, tenant.SetInboundAuthServID(context.Background(), r.db, r.a.ID, "mx.a.test"))
		const mail = "Authentication-Results: mx.a.test; dkim=pass header.d=example.com\n" +
			"Received: from out.example.com by mx.a.test\n" +
			"Authentication-Results: mx.a.test; dkim=fail\n" +
			"From: erika@example.com\nSubject: Signiert\nMessage-ID: <auth-%s@example.com>\n\nHallo\n"
		must(t, r.send("erika@example.com", []string{"support@a.test"}, strings.Replace(mail, "%s", "1", 1)))
		r.mu.Lock()
		v := r.last.Auth
		r.mu.Unlock()
		if !v.Pass || v.Server != "mx.a.test" || v.By != "dkim=pass header.d=example.com" {
			t.Fatalf("verdict %+v", v)
		}
		if rec := r.records(r.a)[0]; rec.Auth != "pass: dkim=pass header.d=example.com" {
			t.Fatalf("recorded %q", rec.Auth)
		}
		if !strings.Contains(r.log.String(), `auth="pass: dkim=pass header.d=example.com"`) {
			t.Fatalf("verdict not logged: %s", r.log.String())
		}
		var p inbox.MailPayload
		must(t, r.mailItems(r.a)[0].Decode(&p))
		if p.AuthServer != "mx.a.test" || !p.AuthPass || p.AuthDetail != "dkim=pass header.d=example.com" {
			t.Fatalf("item payload %+v", p)
		}

		// Tenant B trusts no server: nothing checked, nothing recorded.
		must(t, r.send("erika@example.com", []string{"help@b.test"}, strings.Replace(mail, "%s", "2", 1)))
		r.mu.Lock()
		v = r.last.Auth
		r.mu.Unlock()
		if v.Checked() || r.records(r.b)[0].Auth != "" {
			t.Fatalf("tenant B checked: %+v", v)
		}
	})
}
