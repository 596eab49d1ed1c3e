package admin

import (
	"net/url"
	"regexp"
	"strings"
)

// urlLogin matches the login of a URL written in a text ("//user:secret@host"), so an
// error quoting an SMTP URL shows "//user:********@host".
var urlLogin = regexp.MustCompile(`(//[^:/@\s"]*:)[^@\s"]*@`)

// redactSMTP takes the password of the tenant's SMTP URL out of a test mail's error
// before it is logged: errors of a URL that does not parse quote the URL whole, and
// the log must not keep the password (the settings form masks it as well).
func redactSMTP(msg, smtpURL string) string {
	if msg == "" {
		return ""
	}
	msg = urlLogin.ReplaceAllString(msg, "${1}********@")
	if u, err := url.Parse(smtpURL); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			for _, form := range []string{pw, url.QueryEscape(pw), url.PathEscape(pw)} {
				msg = strings.ReplaceAll(msg, form, "********")
			}
		}
	}
	return msg
}
