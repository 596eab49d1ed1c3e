package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordSnippet is a piece of plain around the first word matching a term, with every
// matching word between the match markers. A word matches when a term stands in it or
// in its folded spelling (fold): the engines' own snippets mark nothing for a search
// for "waerme" in a text saying "Wärme", or for unpointed Hebrew in a pointed text.
func wordSnippet(plain string, ts []string) string {
	const before, width = 40, 160
	text := []rune(plain)
	type span struct{ from, to int }
	var marks []span
	for i := 0; i < len(text); {
		if len(marks) > 0 && i >= max(0, marks[0].from-before)+width {
			break // past the piece shown: words there get no marks
		}
		if !isWordRune(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordRune(text[j]) {
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
		b.WriteString(string(text[at:m.from]) + markOpen + string(text[m.from:to]) + markClose)
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
		f = fold(w)
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
