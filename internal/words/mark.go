package words

import (
	"html"
	"html/template"
	"strings"
)

// Match markers: the search engines and Snippet wrap matched words in these control
// characters, which the texts never hold (article text drops them, Snippet too), and
// the snippet is escaped as text before the markers become <mark> tags. So only our
// own tags survive.
const (
	MarkOpen  = "\x01"
	MarkClose = "\x02"
)

// Mark escapes a snippet with match markers and turns its markers into balanced <mark>
// elements.
func Mark(s string) template.HTML {
	var b strings.Builder
	open := false
	for len(s) > 0 {
		i := strings.IndexAny(s, MarkOpen+MarkClose)
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			break
		}
		b.WriteString(html.EscapeString(s[:i]))
		switch {
		case s[i] == MarkOpen[0] && !open:
			b.WriteString("<mark>")
			open = true
		case s[i] == MarkClose[0] && open:
			b.WriteString("</mark>")
			open = false
		}
		s = s[i+1:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String()) //nolint:gosec // escaped above, only <mark> added
}
