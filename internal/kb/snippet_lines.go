package kb

import (
	"strings"
	"unicode/utf8"

	"pforte/internal/words"
)

// snippetLines joins the lines of a snippet for showing it as one run of text. An
// article's plain text (Plain) puts every block on a line of its own: a heading, a
// list item, a table cell. Shown in a result, the line breaks fall away and "Meldung
// Ursache Lösung Authentifizierung fehlgeschlagen" reads as one sentence. A line that
// ends a sentence is followed by a space; any other (a heading, a cell, an item) by
// " · ", so the pieces stand apart. The stored text stays as it is: the engines'
// snippets are cut from it, and they keep its line breaks on both engines.
func snippetLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			if endsSentence(b.String()) {
				b.WriteString(" ")
			} else {
				b.WriteString(" · ")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// endsSentence reports whether s ends in a sentence's or clause's closing mark, the
// match markers aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, words.MarkOpen+words.MarkClose+" \t")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…。！？؟", r)
}
