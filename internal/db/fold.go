package db

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// umlauts are the German letters people type without their dots or ligature when the
// keyboard lacks them ("waerme", "heizkoerper"), the way slugs spell them too.
var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// Fold is the spelling of lower-case text that searches compare: umlauts written out
// (ä → ae, ß → ss) and Hebrew and Arabic vowel points dropped (hardly anyone types
// "שָׁלוֹם" with its points). Other accents stay. A search stores the folded text
// beside the text and folds its terms, so either spelling finds both. Fold works
// letter by letter: text containing t means Fold(text) contains Fold(t).
func Fold(s string) string {
	s = norm.NFC.String(s) // "a\u0308" is "ä" too
	if strings.IndexFunc(s, isPoint) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isPoint(r) {
				return -1
			}
			return r
		}, s)
	}
	return umlauts.Replace(s)
}

// isPoint reports whether r is a Hebrew or Arabic vowel point or cantillation mark
// (the Arabic ones belong to the "inherited" script, hence the ranges).
func isPoint(r rune) bool {
	return unicode.Is(unicode.Mn, r) && (unicode.Is(unicode.Hebrew, r) || unicode.Is(unicode.Arabic, r) ||
		(r >= 0x064B && r <= 0x065F) || r == 0x0670)
}

// Unaccent is s without accents: "Müller" → "Muller", "Café" → "Cafe", "Čapek" →
// "Capek". Searches for names (companies) store it beside the text and unaccent their
// term, so "muller", "müller" and "Muller" find each other. Only combining marks on a
// Latin, Greek or Cyrillic letter are accents: Thai, Hebrew, Arabic or Indic marks are
// vowels and tones that tell words apart ("ปั๊ม", "ปุ่ม" and "ปม" are different words),
// so they stay. Letter by letter like Fold.
func Unaccent(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	accents := false // the letter before takes accents: its marks are dropped
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			if accents {
				continue
			}
		} else {
			accents = unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// WithFolded is lower-case search text followed by its spellings Fold and Unaccent
// make, where they differ, each on a line of its own (a term never spans two).
func WithFolded(s string) string {
	out := s
	f := Fold(s)
	if f != s {
		out += "\n" + f
	}
	if u := Unaccent(s); u != s && u != f {
		out += "\n" + u
	}
	return out
}
