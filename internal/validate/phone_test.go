package validate

import (
	"strings"
	"testing"
)

// TestPhone: numbers as people write them pass; words, markup, too few digits and
// overlong input get a message.
func TestPhone(t *testing.T) {
	for v, want := range map[string]string{
		"":                      "",
		"+49 (0)30 1234-56":     "",
		"030/123 45 67":         "",
		"+1.555.123.4567":       "",
		"abc<script>":           "error.phone",
		"n/a":                   "error.phone",
		"1234":                  "error.phone",
		"+49 30 1234 ext. 5":    "error.phone",
		strings.Repeat("1", 51): "error.too_long",
	} {
		e := Errors{}
		e.Phone("phone", v)
		if got := e["phone"].ID; got != want {
			t.Errorf("%q: %q, want %q", v, got, want)
		}
	}
}
