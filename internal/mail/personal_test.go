package mail_test

import (
	"strings"
	"testing"

	"pforte/internal/mail"
)

// TestAutoSubmitted: a mail the portal writes says so (RFC 3834 auto-generated); text
// a person wrote (a staff reply, an answer from the inbox) does not, so the
// recipient's helpdesk and mail rules treat it as a person's mail.
func TestAutoSubmitted(t *testing.T) {
	for _, c := range []struct {
		personal bool
		want     bool
	}{{false, true}, {true, false}} {
		m := sample("a1@pforte.test")
		m.Personal = c.personal
		raw, err := mail.Build(m)
		if err != nil {
			t.Fatal(err)
		}
		head, _, _ := strings.Cut(string(raw), "\r\n\r\n")
		if got := strings.Contains(head, "Auto-Submitted: auto-generated"); got != c.want {
			t.Errorf("personal=%v: Auto-Submitted present %v, want %v\n%s", c.personal, got, c.want, head)
		}
	}
}
