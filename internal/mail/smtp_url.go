package mail

import (
	netmail "net/mail"
	"net/url"
	"strconv"
	"strings"
)

// smtpSender delivers messages over SMTP, dialing once per Send.
type smtpSender struct {
	host       string
	port       int
	mode       string // "none", "starttls" or "tls"
	user, pass string
	auth       bool
	from       string // default From when Message.From is empty
}

// NewSMTP parses a URL like
//
//	smtp://user:pass@host:587?from=portal@example.com&tls=starttls
//
// and returns a Sender that delivers via github.com/wneessen/go-mail.
// tls is none, starttls or tls; it defaults to starttls for port 587, tls for
// 465 and none otherwise. The scheme smtps:// means tls. Without a port, smtps
// (or tls=tls) uses 465, tls=none uses 25 and everything else 587 with
// starttls. from is used when Message.From is empty. AUTH PLAIN is used only
// when the URL has user info; go-mail refuses it over an unencrypted
// connection unless the host is localhost/127.0.0.1/::1.
func NewSMTP(rawURL string) (Sender, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, parseProblem(rawURL, err)
	}
	s := &smtpSender{host: u.Hostname()}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "smtp" && scheme != "smtps" {
		if !strings.Contains(rawURL, "://") {
			// "mail.firma.de:587" parses with the host as its scheme: the scheme is missing.
			return nil, &URLError{Problem: URLSchemeMissing}
		}
		return nil, &URLError{Problem: URLScheme, Value: u.Scheme}
	}
	if s.host == "" {
		return nil, &URLError{Problem: URLHostMissing}
	}
	if u.Path != "" && u.Path != "/" || u.Opaque != "" || u.Fragment != "" {
		return nil, &URLError{Problem: URLPath}
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, &URLError{Problem: URLSyntax, Err: err}
	}
	for k := range q {
		if k != "tls" && k != "from" {
			return nil, &URLError{Problem: URLParam, Value: k}
		}
	}
	if s.from = q.Get("from"); s.from != "" {
		if _, err := netmail.ParseAddress(s.from); err != nil {
			return nil, &URLError{Problem: URLFrom, Value: s.from, Err: err}
		}
	}
	s.mode = strings.ToLower(q.Get("tls"))
	switch s.mode {
	case "", "none", "starttls", "tls":
	default:
		return nil, &URLError{Problem: URLTLS, Value: s.mode}
	}
	if scheme == "smtps" {
		if s.mode != "" && s.mode != "tls" {
			return nil, &URLError{Problem: URLTLS, Value: s.mode}
		}
		s.mode = "tls"
	}
	if p := u.Port(); p != "" {
		if s.port, err = strconv.Atoi(p); err != nil || s.port < 1 || s.port > 65535 {
			return nil, &URLError{Problem: URLPort, Value: p}
		}
	}
	s.port, s.mode = defaults(s.port, s.mode)
	if u.User != nil && u.User.Username() != "" {
		s.auth = true
		s.user = u.User.Username()
		s.pass, _ = u.User.Password()
	}
	return s, nil
}

// defaults fills in a missing port or TLS mode.
func defaults(port int, mode string) (int, string) {
	if port == 0 {
		switch mode {
		case "tls":
			return 465, mode
		case "none":
			return 25, mode
		default:
			return 587, "starttls"
		}
	}
	if mode == "" {
		switch port {
		case 587:
			mode = "starttls"
		case 465:
			mode = "tls"
		default:
			mode = "none"
		}
	}
	return port, mode
}
