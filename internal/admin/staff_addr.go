package admin

import (
	"html"
	"strings"
)

// addrParts cuts an email address where addrBreaks lets it wrap: after the @, and
// before each dot after it. The parts joined are the address unchanged.
func addrParts(email string) []string {
	at := strings.LastIndexByte(email, '@')
	if at < 0 {
		return []string{email}
	}
	out := []string{email[:at+1]}
	domain := email[at+1:]
	for {
		i := strings.IndexByte(domain[min(1, len(domain)):], '.')
		if i < 0 {
			break
		}
		out = append(out, domain[:i+1])
		domain = domain[i+1:]
	}
	return append(out, domain)
}

// addrHTML is email escaped, with a <wbr> between the parts of addrParts.
func addrHTML(email string) string {
	parts := addrParts(email)
	for i, p := range parts {
		parts[i] = html.EscapeString(p)
	}
	return strings.Join(parts, "<wbr>")
}
