package kb

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"pforte/internal/words"
)

// MinWordChars is the length of the shortest word a search looks for. A single
// letter matches as the beginning of nearly every article's words ("<b>" searched
// as "b" listed them all with meaningless highlights), so it is left out. A single
// digit stays: version numbers and addresses ("1.0.5") are made of them.
const MinWordChars = 2

// terms are the distinct words of a knowledge-base query, folded, at most
// words.MaxTerms, taken from its first MaxSearch characters (words.Terms), without
// single letters (MinWordChars).
func terms(q string) []string {
	return slices.DeleteFunc(words.Terms(q, MaxSearch), func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return utf8.RuneCountInString(w) < MinWordChars && !unicode.IsDigit(r)
	})
}

// Searchable reports whether a query has a word the search looks for: one of at least
// MinWordChars characters. A page can then ask for more instead of listing nothing.
func Searchable(q string) bool { return len(terms(q)) > 0 }
