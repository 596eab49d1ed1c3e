package server_test

import (
	"bytes"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// lockedBuffer is a log sink the server's goroutines may write to at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestMailTestShowsError: a failed test mail says what kind of failure it met (no
// connection, no TLS) in the admin's language, but never the network error itself:
// on a portal with several tenants, a tenant's admin must not learn through it which
// hosts and ports of the server's network answer. The error goes to the server log,
// without the SMTP password.
func TestMailTestShowsError(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		log := &lockedBuffer{}
		env.App.Env.Log = slog.New(slog.NewTextHandler(log, nil))
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		plain := testutil.StartSMTP(t).Addr
		for _, tc := range []struct{ url, want, logged string }{
			{"smtp://portal:geheim-77@127.0.0.1:1?tls=none", "keine Verbindung zum Mailserver", "connection refused"},
			{"smtps://portal:geheim-77@" + plain, "keine verschlüsselte Verbindung", "tls"},
		} {
			if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {tc.url}, "mail_from": {"p@service.test"}}); r.Status != 303 {
				t.Fatalf("save %s: %d", tc.url, r.Status)
			}
			r := c.Post("/admin/settings/mail/test", nil)
			if r.Status != 200 || !strings.Contains(r.Body, "konnte nicht verschickt werden") || !strings.Contains(r.Body, tc.want) {
				t.Errorf("%s: %d, body lacks %q", tc.url, r.Status, tc.want)
			}
			// (The form itself shows the server as entered: the admin's own input.)
			for _, leak := range []string{"connection refused", "dial tcp", "tls:", "first record", "geheim-77"} {
				if strings.Contains(r.Body, leak) {
					t.Errorf("%s: the page shows %q", tc.url, leak)
				}
			}
			if !strings.Contains(log.String(), tc.logged) {
				t.Errorf("%s: the log lacks the error (%q): %s", tc.url, tc.logged, log.String())
			}
		}
		if strings.Contains(log.String(), "geheim-77") {
			t.Errorf("the log holds the SMTP password")
		}
	})
}
