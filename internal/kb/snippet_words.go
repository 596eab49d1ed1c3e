package kb

import "unicode"

// insideMin is the shortest term looked for inside words. Thai, Lao, Khmer and Burmese
// write words without spaces between them, so their words stand inside long runs and
// are short: two characters ("ไฟ", fire) must do. A Chinese or Japanese character is a
// word on its own. Other scripts need minInside.
func insideMin(t string) int {
	for _, r := range t {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			return 1
		case unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar):
			return 2
		}
	}
	return minInside
}

// needsInside reports whether some term is in a script written without spaces, so
// it must be looked for inside runs of letters, not only at their beginnings.
func needsInside(ts []string) bool {
	for _, t := range ts {
		if insideMin(t) < minInside {
			return true
		}
	}
	return false
}
