package validate

import "testing"

func TestStripBidi(t *testing.T) {
	for in, want := range map[string]string{
		"rechnung\u202Efdp.exe":            "rechnungfdp.exe",
		"\u2066a\u2069\u200e\u200f\u061cb": "ab",
		"\u202a\u202b\u202c\u202d.txt":     ".txt",
		"חשבונית.pdf":                      "חשבונית.pdf", // Hebrew letters are text, not controls
		"plain.txt":                        "plain.txt",
	} {
		if got := StripBidi(in); got != want {
			t.Errorf("StripBidi(%q) = %q, want %q", in, got, want)
		}
	}
}
