package mailin

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blocks are elements that start a new line in text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true, atom.Table: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Pre: true, atom.Hr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Address: true, atom.Dd: true, atom.Dt: true,
}

// skipped are elements whose content is not text a person reads.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Title: true, atom.Template: true,
	atom.Noscript: true, atom.Object: true, atom.Svg: true,
}

// HTMLToText turns an HTML mail body into plain text: block elements become line
// breaks, list items get a dash, quoted blocks get "> " (so Trim removes them like
// quoted plain text), and runs of whitespace inside a line collapse to one space.
func HTMLToText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	line := []string{}
	quote, skip, pre := 0, 0, 0
	flush := func() {
		text := strings.Join(line, "")
		if pre == 0 {
			text = strings.Join(strings.Fields(text), " ")
		}
		b.WriteString(strings.Repeat("> ", quote))
		b.WriteString(text)
		b.WriteByte('\n')
		line = line[:0]
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if len(line) > 0 {
				flush()
			}
			return collapseBlankLines(b.String())
		case html.TextToken:
			if skip == 0 {
				line = append(line, string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skipped[a]:
				if tt == html.StartTagToken {
					skip++
				}
			case a == atom.Blockquote:
				flush()
				quote++
			case blocks[a]:
				if len(line) > 0 || a == atom.Br || (a == atom.P && !(hasAttr && officeLine(z))) {
					flush()
				}
				if a == atom.Li {
					line = append(line, "- ")
				}
				if a == atom.Pre {
					pre++
				}
			case a == atom.Td || a == atom.Th:
				line = append(line, " ")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skipped[a]:
				if skip > 0 {
					skip--
				}
			case a == atom.Blockquote:
				flush()
				if quote > 0 {
					quote--
				}
			case blocks[a]:
				if len(line) > 0 {
					flush()
				}
				if a == atom.Pre && pre > 0 {
					pre--
				}
			}
		}
	}
}

// collapseBlankLines keeps at most one empty line in a row and trims the ends.
func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
			l = ""
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// officeLine reports whether the <p> whose attributes z is at is one of Outlook's (and
// Word's) lines, class "MsoNormal", "MsoPlainText" and the like: Outlook writes every
// line as such a paragraph, without a margin, and an empty one for an empty line, so
// each must end the line only, not also leave one empty as a real paragraph does.
func officeLine(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "class" && len(val) >= 3 && strings.EqualFold(string(val[:3]), "mso") {
			return true
		}
		if !more {
			return false
		}
	}
}
