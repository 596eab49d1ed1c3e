package admin

import (
	"strings"
	"testing"
)

// TestRedactSMTP: an error quoting the SMTP URL (one that does not parse) or its
// password loses the password, escaped or not; other words stay.
func TestRedactSMTP(t *testing.T) {
	const u = "smtp://portal:ge%23heim@mail.test:x"
	for _, msg := range []string{
		`mail: invalid SMTP URL: parse "smtp://portal:ge%23heim@mail.test:x": invalid port ":x" after host`,
		`535 login ge#heim rejected`,
	} {
		got := redactSMTP(msg, "smtp://portal:ge%23heim@mail.test:25")
		if strings.Contains(got, "heim") || !strings.Contains(got, "********") {
			t.Errorf("%q shown as %q", msg, got)
		}
	}
	if got := redactSMTP("dial tcp 127.0.0.1:2525: connect: connection refused", u); got != "dial tcp 127.0.0.1:2525: connect: connection refused" {
		t.Errorf("plain error changed: %q", got)
	}
}
