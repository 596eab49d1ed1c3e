package mailtmpl

import (
	"strings"
)

// The tenant's texts use {{name}}: two braces, a placeholder name of lower-case letters,
// digits and underscores, two braces (spaces inside are allowed). Nothing else is
// special; there are no functions, conditions or fields, so a tenant admin cannot run
// anything or reach values the mail does not offer.

// Problem kinds reported by Check.
const (
	ProblemUnknown = "unknown" // a well-formed name the mail does not offer
	ProblemInvalid = "invalid" // {{…}} holding something that is not a name
	ProblemBraces  = "braces"  // an opening {{ without }} or a stray }}
)

// Problem is the first mistake in a text, for a message next to its field.
type Problem struct {
	Kind string
	Text string // the offending piece as typed: "{{frist_name}}", "{{name", "}}"
}

// Error describes the problem (for logs; forms translate Kind).
func (p *Problem) Error() string { return "mailtmpl: " + p.Kind + " placeholder " + p.Text }

// part is a piece of a parsed text: literal text or a placeholder name.
type part struct {
	text string
	name string // set for a placeholder
}

// parse splits s into literal text and placeholders, or reports the first problem.
func parse(s string) ([]part, *Problem) {
	var parts []part
	for s != "" {
		open, close := strings.Index(s, "{{"), strings.Index(s, "}}")
		if open < 0 && close < 0 {
			parts = append(parts, part{text: s})
			break
		}
		if open < 0 || (close >= 0 && close < open) {
			return nil, &Problem{Kind: ProblemBraces, Text: snippet(s, close-20, close+2)}
		}
		if open > 0 {
			parts = append(parts, part{text: s[:open]})
		}
		rest := s[open+2:]
		end := strings.Index(rest, "}}")
		if end < 0 {
			return nil, &Problem{Kind: ProblemBraces, Text: snippet(s, open, open+24)}
		}
		inner := rest[:end]
		if strings.ContainsAny(inner, "{}\n") {
			return nil, &Problem{Kind: ProblemBraces, Text: snippet(s, open, open+24)}
		}
		name := strings.TrimSpace(inner)
		if !isName(name) {
			return nil, &Problem{Kind: ProblemInvalid, Text: "{{" + inner + "}}"}
		}
		parts = append(parts, part{name: name})
		s = rest[end+2:]
	}
	return parts, nil
}

// snippet cuts s[from:to] (clamped, widened to whole characters), so a message can
// show where a brace problem is without quoting a whole paragraph.
func snippet(s string, from, to int) string {
	from, to = max(0, from), min(len(s), to)
	for from > 0 && s[from]&0xC0 == 0x80 {
		from--
	}
	for to < len(s) && s[to]&0xC0 == 0x80 {
		to++
	}
	return strings.TrimSpace(s[from:to])
}

func isName(s string) bool {
	if s == "" || len(s) > 40 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Check reports the first problem in a text written for mail m: malformed braces, or a
// placeholder m does not offer. Nil means the text can be saved.
func Check(m Mail, s string) *Problem {
	parts, p := parse(s)
	if p != nil {
		return p
	}
	for _, pt := range parts {
		if pt.name == "" {
			continue
		}
		if _, ok := m.Placeholder(pt.name); !ok && !m.IsWithdrawn(pt.name) {
			return &Problem{Kind: ProblemUnknown, Text: "{{" + pt.name + "}}"}
		}
	}
	return nil
}

// Count is how often s uses placeholder {{name}} (0 for a text that does not parse).
func Count(s, name string) int {
	parts, p := parse(s)
	if p != nil {
		return 0
	}
	n := 0
	for _, pt := range parts {
		if pt.name == name {
			n++
		}
	}
	return n
}

// Expand replaces the placeholders in s with values. A text that does not parse (saved
// before a placeholder was withdrawn, say) is shown as written rather than lost; an
// unknown name stays visible as typed.
func Expand(s string, values map[string]string) string {
	parts, p := parse(s)
	if p != nil {
		return s
	}
	var b strings.Builder
	for _, pt := range parts {
		if pt.name == "" {
			b.WriteString(pt.text)
			continue
		}
		if v, ok := values[pt.name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString("{{" + pt.name + "}}")
		}
	}
	return b.String()
}

// Cut splits s at its first placeholder {{name}}: the text before and after it, and
// whether it was there. A text that does not parse has no placeholder to cut at.
func Cut(s, name string) (before, after string, ok bool) {
	parts, p := parse(s)
	if p != nil {
		return s, "", false
	}
	var b strings.Builder
	for i, pt := range parts {
		if pt.name == name {
			return b.String(), unparse(parts[i+1:]), true
		}
		b.WriteString(unparse(parts[i : i+1]))
	}
	return s, "", false
}

// unparse writes parsed parts back as text, placeholders as {{name}}.
func unparse(parts []part) string {
	var b strings.Builder
	for _, pt := range parts {
		if pt.name != "" {
			b.WriteString("{{" + pt.name + "}}")
		} else {
			b.WriteString(pt.text)
		}
	}
	return b.String()
}
