package tenant

import (
	"slices"
	"testing"
)

func TestSplitSupportAddresses(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		bad  string
	}{
		{in: "", want: nil},
		{in: "Support@Example.com", want: []string{"support@example.com"}},
		{in: "a@x.de, b@x.de;\na@x.de  c@y.de", want: []string{"a@x.de", "b@x.de", "c@y.de"}},
		{in: "a@x.de, not-an-address", bad: "not-an-address"},
		{in: "support+x@x.de", bad: "support+x@x.de"},
		{in: "Support <s@x.de>", bad: "Support"},
	}
	for _, c := range cases {
		got, bad := SplitSupportAddresses(c.in)
		if bad != c.bad || (c.bad == "" && !slices.Equal(got, c.want)) {
			t.Errorf("SplitSupportAddresses(%q) = %q, bad %q", c.in, got, bad)
		}
	}
}
