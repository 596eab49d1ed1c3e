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

// TestStripOverrides: typed text loses what can turn it around, keeps the marks Hebrew
// writers place punctuation with, and single-line tidying (Line, OneLine) does the same.
func TestStripOverrides(t *testing.T) {
	for in, want := range map[string]string{
		"Drucker \u202Egnp.exe": "Drucker gnp.exe",
		"O’Brien\u202Eevil":     "O’Brienevil",
		"\u2066a\u2069 \u202ab": "a b",
		"שלום\u200f!":           "שלום\u200f!",
		"ข้อความ\u200bภาษาไทย":  "ข้อความ\u200bภาษาไทย",
	} {
		if got := StripOverrides(in); got != want {
			t.Errorf("StripOverrides(%q) = %q, want %q", in, got, want)
		}
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRequiredInvisible: a value of only spaces and invisible format characters is no
// value.
func TestRequiredInvisible(t *testing.T) {
	for _, v := range []string{"", "   ", "\u202e", "\u200b\u200e", "\ufeff "} {
		e := Errors{}
		if e.Required("name", v); !e.Any() {
			t.Errorf("Required(%q) passed", v)
		}
	}
	e := Errors{}
	if e.Required("name", "\u200eAnna"); e.Any() {
		t.Error("a name with a mark before it was refused")
	}
}
