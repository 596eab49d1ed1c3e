package kb

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTerms bounds the words of a query: more only slow the search down.
const maxTerms = 8

// isWordRune reports whether r belongs to a word. It follows SQLite's unicode61
// tokenizer as kb_search configures it (letters, numbers, private-use characters and
// combining marks; everything else separates), so the words PostgreSQL indexes
// (search_title, search_body) are the words FTS5 sees. The marks matter: Thai vowel
// and tone marks and Hebrew points (niqqud) stand inside words, and "ปั๊ม" split at
// them would be three pieces no search finds.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.IsMark(r)
}

// Words splits s into lower-case words, as both search indexes see them.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) })
}

// terms are the distinct words of a query, folded (see fold), at most maxTerms, taken
// from its first MaxSearch characters. The index holds every word's folded form too
// (searchText), so "waerme" and "wärme" both find "Wärme" and "Waerme".
func terms(q string) []string {
	var out []string
	for _, w := range distinctWords(q, func(string) bool { return true }) {
		if f := fold(w); !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// distinctWords are the distinct words of text that keep accepts, at most maxTerms,
// taken from its first MaxSearch characters.
func distinctWords(text string, keep func(string) bool) []string {
	if utf8.RuneCountInString(text) > MaxSearch {
		text = string([]rune(text)[:MaxSearch])
	}
	var out []string
	for _, w := range Words(text) {
		if len(out) == maxTerms {
			break
		}
		if keep(w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// ftsQuery is the FTS5 query for terms: every term as a quoted prefix, all required.
// Quoting makes FTS5 read each term as text, never as query syntax.
func ftsQuery(ts []string) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"*`
	}
	return strings.Join(parts, " AND ")
}

// tsQuery is the PostgreSQL tsquery for terms: every term as a quoted prefix, all
// required. Terms hold only letters and digits; the quotes keep them literal anyway.
func tsQuery(ts []string) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = `'` + strings.ReplaceAll(t, `'`, `''`) + `':*`
	}
	return strings.Join(parts, " & ")
}
