package outbox

import (
	"html"
	htmltemplate "html/template"
	"regexp"
	"strings"
)

// Styles of the HTML part. A long unbroken address (a token link) may break anywhere:
// otherwise it makes the mail wider than a phone and it scrolls sideways.
const (
	bodyStyle = "font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5;max-width:600px;margin:0 auto;padding:24px;overflow-wrap:break-word"
	wrapStyle = "overflow-wrap:anywhere;word-break:break-all"
)

var htmlFuncs = htmltemplate.FuncMap{"rich": rich}

// linkable finds web addresses and mail addresses in text; a trailing full stop or
// bracket belongs to the sentence, not the address (trimLink). An address ends at an
// invisible format character (\p{Cf}: a direction mark or override), so none is ever
// part of a link's target or of its shown text.
var linkable = regexp.MustCompile(`https?://[^\s<>"\p{Cf}]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// bidiControls are the embedding, override and isolate controls. In a text that holds
// a link they are removed: one typed before an address (a name or title typed by an
// outsider, an inbound reply) could make the link show its characters in another order
// than the address it leads to. Direction marks (U+200E, U+200F) stay: they only
// settle neutral characters, and Hebrew text uses them; linkable keeps them out of
// the addresses themselves.
var bidiControls = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "",
	"\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "")

// rich is plain text as HTML: escaped, its line breaks kept as <br> (it writes no
// newline, so a paragraph may keep its spaces with white-space:pre-wrap), and its web
// and mail addresses made links (a portal address in a sentence, a URL in a staff reply, the
// support address), laid out left to right inside right-to-left text.
func rich(s string) htmltemplate.HTML {
	// No CR reaches the HTML: a paragraph kept with white-space:pre-wrap would show it
	// as a second line break.
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if linkable.MatchString(s) {
		s = bidiControls.Replace(s)
	}
	var b strings.Builder
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		if i > 0 {
			b.WriteString("<br>")
		}
		last := 0
		for _, m := range linkable.FindAllStringIndex(ln, -1) {
			addr := trimLink(ln[m[0]:m[1]])
			end := m[0] + len(addr)
			b.WriteString(html.EscapeString(ln[last:m[0]]))
			href := addr
			if !strings.Contains(addr, "://") {
				href = "mailto:" + addr
			}
			b.WriteString(`<a href="` + html.EscapeString(href) + `" dir="ltr" style="` + wrapStyle + `">` +
				html.EscapeString(addr) + `</a>`)
			last = end
		}
		b.WriteString(html.EscapeString(ln[last:]))
	}
	return htmltemplate.HTML(b.String()) //nolint:gosec // every piece of text is escaped above
}

// trimLink cuts the punctuation that ends a sentence from an address found in it;
// a closing bracket stays when the address opened one (a Wikipedia-style path).
func trimLink(s string) string {
	for s != "" {
		c := s[len(s)-1]
		switch {
		case strings.ContainsRune(".,;:!?'", rune(c)):
			s = s[:len(s)-1]
		case c == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}
