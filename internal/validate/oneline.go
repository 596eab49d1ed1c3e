package validate

import "strings"

// OneLine joins the lines of a field that is one line by nature (a name, a company)
// with single spaces and trims it. Such values end up in the greeting and the subject
// of mails; a name typed with line breaks could otherwise write whole paragraphs of
// its own into a mail the portal sends to any address (a registration's confirmation,
// a colleague's invitation). Other control characters are left for MaxLen to report.
func OneLine(s string) string {
	s = StripOverrides(s)
	if !strings.ContainsAny(s, "\r\n\u2028\u2029\v\f\u0085") {
		return strings.TrimSpace(s)
	}
	var parts []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '\r', '\n', '\u2028', '\u2029', '\v', '\f', '\u0085':
			return true
		}
		return false
	}) {
		if p = strings.TrimSpace(p); p != "" { // "a \n b" is "a b", not "a   b"
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}
