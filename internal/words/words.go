// Package words splits text into the words the word-based search indexes hold (the
// knowledge base's and the ticket conversation's), on both engines alike: SQLite's FTS5
// and PostgreSQL's tsvector are given the words Go splits, so they index the same words
// and a search finds the same rows on either.
package words

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"pforte/internal/db"
)

// MaxTerms bounds the words of a query: more only slow the search down.
const MaxTerms = 8

// IsWordRune reports whether r belongs to a word. It follows SQLite's unicode61
// tokenizer as the FTS5 tables configure it (letters, numbers, private-use characters
// and combining marks; everything else separates), so the words PostgreSQL indexes are
// the words FTS5 sees. The marks matter: Thai vowel and tone marks and Hebrew points
// (niqqud) stand inside words, and "ปั๊ม" split at them would be three pieces no search
// finds.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.IsMark(r)
}

// Split splits s into lower-case words, as both search indexes see them.
func Split(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !IsWordRune(r) })
}

// Text is the word text stored for s: its words separated by single spaces (what
// PostgreSQL's parser splits back into exactly these words), then the folded form
// (db.Fold) of each word that folding changes, so the indexes of both engines find a
// word by either spelling.
func Text(s string) string {
	ws := Split(s)
	seen := make(map[string]bool, len(ws))
	out := append([]string(nil), ws...)
	for _, w := range ws {
		if f := db.Fold(w); f != w && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}

// Terms are the distinct words of a query, folded (db.Fold), at most MaxTerms, taken
// from its first maxChars characters. The indexes hold every word's folded form too
// (Text), so "waerme" and "wärme" both find "Wärme" and "Waerme".
func Terms(q string, maxChars int) []string {
	var out []string
	for _, w := range Distinct(q, maxChars, func(string) bool { return true }) {
		if f := db.Fold(w); !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// Distinct are the distinct words of text that keep accepts, at most MaxTerms, taken
// from its first maxChars characters.
func Distinct(text string, maxChars int, keep func(string) bool) []string {
	if utf8.RuneCountInString(text) > maxChars {
		text = string([]rune(text)[:maxChars])
	}
	var out []string
	for _, w := range Split(text) {
		if len(out) == MaxTerms {
			break
		}
		if keep(w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// FTSQuery is the FTS5 query for terms: every term as a quoted prefix, all required.
// Quoting makes FTS5 read each term as text, never as query syntax.
func FTSQuery(ts []string) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"*`
	}
	return strings.Join(parts, " AND ")
}

// TSQuery is the PostgreSQL tsquery for terms: every term as a quoted prefix, all
// required. Terms hold only letters and digits; the quotes keep them literal anyway.
func TSQuery(ts []string) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = `'` + strings.ReplaceAll(t, `'`, `''`) + `':*`
	}
	return strings.Join(parts, " & ")
}

// Index limits: a word longer than MaxWordRunes (a pasted key or encoded blob) is not
// indexed, nobody searches for it and PostgreSQL refuses lexemes over 2 KB; a text
// gives at most MaxIndexWords distinct words of at most MaxIndexBytes in all (a
// tsvector holds at most 1 MB, and one that does not fit would stop the indexing).
const (
	MaxWordRunes  = 100
	MaxIndexWords = 10000
	MaxIndexBytes = 512 << 10 // the words' bytes: half a tsvector's limit, for its entries' overhead
)

// Index is the distinct words of s as a word index holds them, each word followed by
// its folded form where folding changes it (see Text), within the index limits.
func Index(s string) []string {
	seen := map[string]bool{}
	var out []string
	size := 0
	add := func(w string) {
		if !seen[w] && len(out) < MaxIndexWords && size+len(w) <= MaxIndexBytes {
			seen[w] = true
			out = append(out, w)
			size += len(w) + 1
		}
	}
	for _, w := range Split(s) {
		if utf8.RuneCountInString(w) > MaxWordRunes {
			continue
		}
		add(w)
		add(db.Fold(w))
	}
	return out
}

// TSVector is ws as a PostgreSQL tsvector literal: each word quoted, no positions. Cast
// with ?::tsvector it is stored as given, never parsed by a text search
// configuration, so PostgreSQL holds exactly the words FTS5 does.
func TSVector(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('\'')
		for _, r := range w {
			switch r {
			case '\'':
				b.WriteString("''")
			case '\\':
				b.WriteString(`\\`)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('\'')
	}
	return b.String()
}

// FTSWords is the FTS5 query for whole words: every word quoted, all required.
func FTSWords(ws []string) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(parts, " AND ")
}

// TSWords is the PostgreSQL tsquery literal for whole words: every word quoted, all
// required. Cast with ?::tsquery it is taken as given, like TSVector.
func TSWords(ws []string) string {
	parts := strings.Split(TSVector(ws), " ")
	return strings.Join(parts, " & ")
}
