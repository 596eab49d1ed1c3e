package kb

import (
	"html"
	"html/template"
	"strings"
)

// Match markers: the search engines wrap matched words in these control characters,
// which article text never holds (Plain drops them), and the snippet is escaped as text
// before the markers become <mark> tags. So only our own tags survive.
const (
	markOpen  = "\x01"
	markClose = "\x02"
)

// markSnippet escapes a snippet from the search engine, joins its lines, and turns its
// markers into balanced <mark> elements.
func markSnippet(s string) template.HTML {
	s = snippetLines(s) // blocks on lines of their own read apart (snippet_lines.go)
	var b strings.Builder
	open := false
	for len(s) > 0 {
		i := strings.IndexAny(s, markOpen+markClose)
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			break
		}
		b.WriteString(html.EscapeString(s[:i]))
		switch {
		case s[i] == markOpen[0] && !open:
			b.WriteString("<mark>")
			open = true
		case s[i] == markClose[0] && open:
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
