package web

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// titleRunes is how long a ticket's subject may be in a browser tab title; tabs show
// the first twenty or so characters, the window's title bar and the history more.
const titleRunes = 60

// TicketTitle is a ticket page's title, "#12 Printer jams" (the frame adds
// " · <portal>"), so that several open tickets can be told apart in the browser's tabs
// and history. A long subject is cut at a word boundary near titleRunes characters and
// ends in "…"; a word longer than that is cut inside.
func TicketTitle(id int64, subject string) string {
	subject = strings.Join(strings.Fields(subject), " ") // a subject from mail may hold line breaks and tabs
	if utf8.RuneCountInString(subject) > titleRunes {
		cut := []rune(subject)[:titleRunes]
		s := string(cut)
		if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
			s = s[:i]
		}
		subject = strings.TrimRight(s, " ,.;:-–—") + "…"
	}
	return "#" + strconv.FormatInt(id, 10) + " " + subject
}
