package mail

import (
	"errors"
	"fmt"
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
		// url.Error quotes the whole URL, password and all; the cause alone says enough,
		// and the message reaches logs and the outbox, which agents read.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("mail: invalid SMTP URL: %w", err)
	}
	s := &smtpSender{host: u.Hostname()}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "smtp" && scheme != "smtps" {
		return nil, fmt.Errorf("mail: SMTP URL scheme must be smtp or smtps, got %q", u.Scheme)
	}
	if s.host == "" {
		return nil, errors.New("mail: SMTP URL has no host")
	}
	if u.Path != "" && u.Path != "/" || u.Opaque != "" || u.Fragment != "" {
		return nil, errors.New("mail: SMTP URL must not have a path or fragment")
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("mail: invalid SMTP URL query: %w", err)
	}
	for k := range q {
		if k != "tls" && k != "from" {
			return nil, fmt.Errorf("mail: unknown SMTP URL parameter %q", k)
		}
	}
	if s.from = q.Get("from"); s.from != "" {
		if _, err := netmail.ParseAddress(s.from); err != nil {
			return nil, fmt.Errorf("mail: invalid from %q: %w", s.from, err)
		}
	}
	s.mode = strings.ToLower(q.Get("tls"))
	switch s.mode {
	case "", "none", "starttls", "tls":
	default:
		return nil, fmt.Errorf("mail: tls must be none, starttls or tls, got %q", s.mode)
	}
	if scheme == "smtps" {
		if s.mode != "" && s.mode != "tls" {
			return nil, fmt.Errorf("mail: smtps:// conflicts with tls=%s", s.mode)
		}
		s.mode = "tls"
	}
	if p := u.Port(); p != "" {
		if s.port, err = strconv.Atoi(p); err != nil || s.port < 1 || s.port > 65535 {
			return nil, fmt.Errorf("mail: invalid SMTP port %q", p)
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
