package validate

import "regexp"

// webAddress finds what a mail program shows as a link: a scheme ("https://") or a
// host name starting with "www.".
var webAddress = regexp.MustCompile(`(?i)://|\bwww\.`)

// NoWebAddress adds error.web_address when v holds a web address. Names and company
// names typed by people outside (a self-registration, a colleague's invitation, a
// contact's own name) go into mails the portal sends to any address typed: a link
// there would go out under the provider's name, a ready-made phishing mail.
func (e Errors) NoWebAddress(field, v string) {
	if webAddress.MatchString(v) {
		e.Add(field, "error.web_address", nil)
	}
}
