package inboxmail

import (
	"errors"
	"strings"
	"testing"

	"pforte/internal/validate"
)

// TestParse: what an admin may type as a block, as it is stored, and what is refused
// with which message.
func TestParse(t *testing.T) {
	for _, c := range []struct{ in, kind, value, err string }{
		{"Spam@Example.ORG", KindAddress, "spam@example.org", ""},
		{" @Spam.Example ", KindDomain, "spam.example", ""},
		{"spam.example", KindDomain, "spam.example", ""},
		{"x@münchen.example", KindAddress, "x@xn--mnchen-3ya.example", ""},
		{"", "", "", "error.required"},
		{"spam@", "", "", "inbox_block.error.address"},
		{"a@b", "", "", "inbox_block.error.address"},
		{"two words.example", "", "", "inbox_block.error.domain"},
		{"localhost", "", "", "inbox_block.error.domain"},
		{"gmail.com", "", "", "inbox_block.error.public"},
		{"@web.de", "", "", "inbox_block.error.public"},
		{"co.uk", "", "", "inbox_block.error.suffix"},
		{strings.Repeat("a", 250) + ".example", "", "", "error.too_long"},
	} {
		kind, value, err := Parse("value", c.in)
		var ve validate.Errors
		switch {
		case c.err == "" && (err != nil || kind != c.kind || value != c.value):
			t.Errorf("%q: %q %q %v, want %q %q", c.in, kind, value, err, c.kind, c.value)
		case c.err != "" && (!errors.As(err, &ve) || ve["value"].ID != c.err):
			t.Errorf("%q: %v, want %s", c.in, err, c.err)
		}
	}
}

// TestWithin: a domain block names the domain or one it lies under, never a bare
// top-level domain.
func TestWithin(t *testing.T) {
	got := strings.Join(within("a.mail.spam.example"), " ")
	if got != "a.mail.spam.example mail.spam.example spam.example" {
		t.Errorf("within: %q", got)
	}
	if a, d, ok := normal("<King@Spam.Example>"); !ok || a != "king@spam.example" || d != "spam.example" {
		t.Errorf("normal: %q %q %v", a, d, ok)
	}
	if _, _, ok := normal("no-address"); ok {
		t.Errorf("normal accepted no address")
	}
}
