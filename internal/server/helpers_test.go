package server_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"pforte/internal/apptest"
)

var linkRE = regexp.MustCompile(`https?://[^\s"<]+/(?:admin/)?(?:invitation|setup)/[A-Za-z0-9_-]+`)

// lastMailTo waits until the newest mail to addr is delivered and returns its text body.
func lastMailTo(t *testing.T, env *apptest.Env, addr string) (subject, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var state string
		err := env.DB.QueryRow(context.Background(), `SELECT subject, text_body, state FROM mails WHERE to_addr = ?
			ORDER BY id DESC LIMIT 1`, addr).Scan(&subject, &text, &state)
		if err == nil && state == "sent" {
			return subject, text
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no delivered mail to %s", addr)
	return
}

// linkIn returns the path of the first invitation/setup link in a mail text.
func linkIn(t *testing.T, text string) string {
	t.Helper()
	m := linkRE.FindString(text)
	if m == "" {
		t.Fatalf("no link in mail:\n%s", text)
	}
	return m[len(regexp.MustCompile(`^https?://[^/]+`).FindString(m)):]
}
