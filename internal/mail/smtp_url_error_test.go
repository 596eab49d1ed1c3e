package mail_test

import (
	"errors"
	"strings"
	"testing"

	"pforte/internal/mail"
)

// TestNewSMTPSaysWhy: each way an SMTP URL can be wrong is named by a URLError, so the
// mail settings can tell the admin what to change rather than only "invalid"; its
// offending part comes along where the admin typed one, the password never.
func TestNewSMTPSaysWhy(t *testing.T) {
	for _, c := range []struct{ url, problem, value string }{
		{"", mail.URLSchemeMissing, ""},
		{"mail.example.com:587", mail.URLSchemeMissing, ""},
		{"http://host:25", mail.URLScheme, "http"},
		{"smtp://", mail.URLHostMissing, ""},
		{"smtp://user:geheim@:25", mail.URLHostMissing, ""},
		{"smtp://mail server.test:587", mail.URLHostInvalid, " "},
		{"smtp://host:0", mail.URLPort, "0"},
		{"smtp://host:99999", mail.URLPort, "99999"},
		{"smtp://user:geheim@host:abc", mail.URLPort, ""},
		{"smtp://host?tls=maybe", mail.URLTLS, "maybe"},
		{"smtps://host?tls=starttls", mail.URLTLS, "starttls"},
		{"smtp://host?from=not-an-address", mail.URLFrom, "not-an-address"},
		{"smtp://host?colour=blue", mail.URLParam, "colour"},
		{"smtp://host/path", mail.URLPath, ""},
		{"smtp://user:geheim%zz@mail.example.com:587", mail.URLSyntax, ""},
	} {
		_, err := mail.NewSMTP(c.url)
		var ue *mail.URLError
		if !errors.As(err, &ue) {
			t.Errorf("NewSMTP(%q): %v, want a URLError", c.url, err)
			continue
		}
		if ue.Problem != c.problem || ue.Value != c.value {
			t.Errorf("NewSMTP(%q): problem %q value %q, want %q %q", c.url, ue.Problem, ue.Value, c.problem, c.value)
		}
		if strings.Contains(err.Error(), "geheim") {
			t.Errorf("NewSMTP(%q): %v quotes the password", c.url, err)
		}
	}
}
