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
