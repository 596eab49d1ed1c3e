package words

import (
	"strings"
	"unicode/utf8"

	"pforte/internal/db"
)

// Snippet is a piece of plain around the first word matching a term, with every
// matching word between the match markers. A word matches when a term stands in it or
// in its folded spelling (db.Fold): the engines' own snippets mark nothing for a search
// for "waerme" in a text saying "Wärme", or for unpointed Hebrew in a pointed text.
func Snippet(plain string, ts []string) string {
	const before, width = 40, 160
	text := []rune(strings.NewReplacer(MarkOpen, "", MarkClose, "").Replace(plain))
	type span struct{ from, to int }
	var marks []span
	for i := 0; i < len(text); {
		if len(marks) > 0 && i >= max(0, marks[0].from-before)+width {
			break // past the piece shown: words there get no marks
		}
		if !IsWordRune(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && IsWordRune(text[j]) {
			j++
		}
		if wordMatches(strings.ToLower(string(text[i:j])), ts) {
			marks = append(marks, span{i, j})
		}
		i = j
	}
	start := 0
	if len(marks) > 0 && marks[0].from > before {
		start = marks[0].from - before
	}
	end := min(len(text), start+width)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, m := range marks {
		if m.from < start || m.from >= end {
			continue
		}
		to := min(m.to, end)
		b.WriteString(string(text[at:m.from]) + MarkOpen + string(text[m.from:to]) + MarkClose)
		at = to
	}
	b.WriteString(string(text[at:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// wordMatches reports whether a term stands in the lower-case word w or its folded
// spelling.
func wordMatches(w string, ts []string) bool {
	f := w
	if !isASCII(w) { // folding changes only other letters and marks
		f = db.Fold(w)
	}
	for _, t := range ts {
		if strings.Contains(w, t) || strings.Contains(f, t) {
			return true
		}
	}
	return false
}

// isASCII reports whether s holds only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
