package web

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTicketTitle: a tab title names the ticket's number and subject; a long subject
// is cut at a word and marked, a subject without spaces inside, and line breaks from
// mail subjects do not reach the title.
func TestTicketTitle(t *testing.T) {
	for _, c := range []struct{ subject, want string }{
		{"Drucker druckt nicht", "#12 Drucker druckt nicht"},
		{"  Drucker\r\n\tdruckt   nicht ", "#12 Drucker druckt nicht"},
		{"Der Drucker im zweiten Stock druckt seit gestern Abend nur noch leere Seiten aus, bitte dringend ansehen",
			"#12 Der Drucker im zweiten Stock druckt seit gestern Abend nur…"},
		{strings.Repeat("ä", 80), "#12 " + strings.Repeat("ä", 60) + "…"},
		{"המדפסת בקומה השנייה מדפיסה מאז אתמול בערב רק דפים ריקים, נא לבדוק בדחיפות", "#12 המדפסת בקומה השנייה מדפיסה מאז אתמול בערב רק דפים ריקים, נא…"},
	} {
		got := TicketTitle(12, c.subject)
		if got != c.want {
			t.Errorf("TicketTitle(%q) = %q, want %q", c.subject, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > len("#12 ")+titleRunes+1 {
			t.Errorf("%q is %d characters long", got, n)
		}
	}
}
