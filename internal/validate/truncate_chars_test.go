package validate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTruncateChars counts characters, not bytes, and never cuts one in half.
func TestTruncateChars(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abcdef", 3, "abc"},
		{strings.Repeat("ก", 100), 200, strings.Repeat("ก", 100)},
		{strings.Repeat("ก", 250), 200, strings.Repeat("ก", 200)},
		{"äöü", 2, "äö"},
		{"x", 0, ""},
	} {
		got := TruncateChars(c.in, c.n)
		if got != c.want || !utf8.ValidString(got) {
			t.Errorf("TruncateChars(%q…, %d) = %d characters, want %d", c.in[:min(len(c.in), 6)], c.n, utf8.RuneCountInString(got), utf8.RuneCountInString(c.want))
		}
	}
}
