package web

import (
	"context"
	"html"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/a-h/templ"
)

// LinkedText is plain text (a ticket message) as HTML: escaped, with each http(s)
// address made a link that opens in a new tab and gives the target neither the
// page's address nor a handle on it, nor the address a search engine's credit. No
// other scheme becomes a link (javascript:, data: stay text). Each link reads left to
// right on its own (dir="ltr" isolates it), so in Hebrew text its slashes stay put.
func LinkedText(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		var b strings.Builder
		for _, p := range linkParts(s) {
			if !p.link {
				b.WriteString(html.EscapeString(p.text))
				continue
			}
			u := html.EscapeString(p.text)
			b.WriteString(`<a href="` + u + `" rel="noopener noreferrer nofollow" target="_blank" dir="ltr">` + u + `</a>`)
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// textPart is a piece of LinkedText's input: an address to link, or text around one.
type textPart struct {
	text string
	link bool
}

// linkParts cuts s into text and the http(s) addresses in it. An address starts at
// "http://" or "https://" (any case) that does not follow a letter or digit, and runs
// over the characters addresses are written with. It ends before trailing sentence
// punctuation ("see https://x.de/a." links without the dot) and before a closing
// bracket it did not open ("(https://x.de/a)"), and before Hebrew or Arabic letters,
// which follow an address without a space in right-to-left text.
func linkParts(s string) []textPart {
	var out []textPart
	from := 0 // start of the text not yet put out
	for i := 0; i < len(s); {
		n := schemeAt(s, i)
		if n == 0 || (i > 0 && wordBefore(s[:i])) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		end := i + n
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !urlRune(r) {
				break
			}
			end += size
		}
		end = i + trimURL(s[i:end])
		if end <= i+n { // nothing after the scheme: no address
			i += n
			continue
		}
		if from < i {
			out = append(out, textPart{text: s[from:i]})
		}
		out = append(out, textPart{text: s[i:end], link: true})
		from, i = end, end
	}
	if from < len(s) {
		out = append(out, textPart{text: s[from:]})
	}
	return out
}

// schemeAt is the length of "http://" or "https://" at s[i:] in any case, else 0.
func schemeAt(s string, i int) int {
	for _, p := range []string{"https://", "http://"} {
		if len(s)-i >= len(p) && strings.EqualFold(s[i:i+len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// wordBefore reports whether the text before an address ends in a letter or digit
// ("xhttp://…" is no address of its own).
func wordBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// urlRune reports whether r may stand in an address: the characters of RFC 3986 and
// letters and digits of other scripts (müller.de, a path in Cyrillic), but not those
// written right to left, nor spaces, quotes or angle brackets.
func urlRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r != '"' && r != '<' && r != '>' && r != '`' && r != '\\' && r != '^' && r != '{' && r != '}' && r != '|' && r != 0x7f
	}
	if unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// trimURL is the length of u without what ends the sentence around it: trailing
// punctuation and closing brackets the address did not open.
func trimURL(u string) int {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?'*", c) >= 0:
			u = u[:len(u)-1]
		case c == ')' && strings.Count(u, "(") < strings.Count(u, ")"),
			c == ']' && strings.Count(u, "[") < strings.Count(u, "]"):
			u = u[:len(u)-1]
		default:
			return len(u)
		}
	}
	return 0
}
