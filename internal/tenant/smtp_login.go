package tenant

import (
	"net/url"
	"regexp"
	"strings"
)

// smtpHostPort is a mail server's name or IP address with an optional port: what
// follows the login in an SMTP URL, before its query.
var smtpHostPort = regexp.MustCompile(`^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?/?$`)

// EncodeSMTPLogin percent-encodes the user name and password of an SMTP URL typed the
// way a mail provider hands out the login: "smtp://portal@firma.de:Xy#9/a@mail.firma.de:587".
// Generated passwords often hold "#", "/", "?" or "@", which end the login early in a
// URL, so such an address used to be refused although it was typed like the example.
// A URL that already parses to a server without path or fragment is returned as it
// is (so an encoded one stays encoded); so is one in which no server follows an "@".
// The server is the first one after an "@" that is a bare host name or address with an
// optional port up to the query, which may itself hold an "@" (from=portal@firma.de).
func EncodeSMTPLogin(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Opaque == "" && u.Fragment == "" && (u.Path == "" || u.Path == "/") {
		return raw
	}
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	for i := strings.IndexByte(rest, '@'); i >= 0; {
		hostPort, query, hasQuery := strings.Cut(rest[i+1:], "?")
		if smtpHostPort.MatchString(hostPort) {
			name, password, hasPassword := strings.Cut(rest[:i], ":")
			login := url.User(unescapeLoose(name))
			if hasPassword {
				login = url.UserPassword(unescapeLoose(name), unescapeLoose(password))
			}
			out := scheme + "://" + login.String() + "@" + strings.TrimSuffix(hostPort, "/")
			if hasQuery {
				out += "?" + query
			}
			return out
		}
		next := strings.IndexByte(rest[i+1:], '@')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return raw
}

// unescapeLoose decodes the %XX sequences of a login part typed half encoded, and keeps
// the text as typed when it is not valid percent-encoding ("50%off").
func unescapeLoose(s string) string {
	if v, err := url.PathUnescape(s); err == nil {
		return v
	}
	return s
}
