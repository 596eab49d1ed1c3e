package validate

import "strings"

// IsBidiControl reports a Unicode bidirectional formatting character: the marks
// (U+061C, U+200E, U+200F), embeddings and overrides (U+202A–U+202E) and isolates
// (U+2066–U+2069). They are invisible but reorder the text around them, so
// "rechnung\u202Efdp.exe" shows as "rechnungexe.pdf".
func IsBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// StripBidi removes bidirectional formatting characters from s. File names pass here:
// a name must show what the file is, and a right-to-left override can make an
// executable look like a PDF. Right-to-left letters (Hebrew, Arabic) stay.
func StripBidi(s string) string {
	if strings.IndexFunc(s, IsBidiControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// isOverride reports the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069): the characters that can make typed text read backwards. The marks
// (U+200E, U+200F, U+061C) stay: Hebrew and Arabic writers use them to place
// punctuation, and they cannot reverse a word.
func isOverride(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

// StripOverrides removes bidirectional embeddings, overrides and isolates from typed
// text. A ticket subject "Drucker \u202Egnp.exe" would otherwise show as
// "Drucker exe.png", and a name with one would turn around what follows it on every
// page that shows it; the pages isolate values themselves where directions mix.
func StripOverrides(s string) string {
	if strings.IndexFunc(s, isOverride) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isOverride(r) {
			return -1
		}
		return r
	}, s)
}
