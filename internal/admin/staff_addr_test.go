package admin

import (
	"slices"
	"strings"
	"testing"
)

// TestAddrParts: an address wraps after the @ and before the domain's dots, and its
// parts put together are the address unchanged.
func TestAddrParts(t *testing.T) {
	for in, want := range map[string][]string{
		"tim-hoffmann@support.pforte.invalid": {"tim-hoffmann@", "support", ".pforte", ".invalid"},
		"a@b":                                 {"a@", "b"},
		"no-at-sign":                          {"no-at-sign"},
		"x@.dot.":                             {"x@", ".dot", "."},
		"":                                    {""},
	} {
		got := addrParts(in)
		if !slices.Equal(got, want) || strings.Join(got, "") != in {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// TestAddrHTML: the parts are escaped and joined by <wbr> with no blank between them,
// which a browser would show inside the address.
func TestAddrHTML(t *testing.T) {
	if got := addrHTML(`a<b>"x"@ex.de`); got != `a&lt;b&gt;&#34;x&#34;@<wbr>ex<wbr>.de` {
		t.Errorf("got %q", got)
	}
}
