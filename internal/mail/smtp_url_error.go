package mail

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// What is wrong with an SMTP URL (URLError.Problem): the back office's mail settings
// name each in the admin's language, so a refused address says what to change.
const (
	URLSyntax        = "syntax"         // not a URL at all (bad percent-encoding, stray characters)
	URLSchemeMissing = "scheme_missing" // no "smtp://" in front
	URLScheme        = "scheme"         // a scheme other than smtp or smtps; Value is it
	URLHostMissing   = "host_missing"   // no server name after the login
	URLHostInvalid   = "host_invalid"   // the server name has characters no host name has
	URLPort          = "port"           // the port is no number from 1 to 65535; Value is it when known
	URLPath          = "path"           // a path or fragment after the server
	URLParam         = "param"          // a query parameter other than tls and from; Value is its name
	URLFrom          = "from"           // from= is no email address; Value is it
	URLTLS           = "tls"            // tls= is not none, starttls or tls, or contradicts smtps://; Value is it
)

// URLError is an SMTP URL refused by NewSMTP. Its text never holds the URL itself,
// whose password would reach logs and the outbox.
type URLError struct {
	Problem string // one of the URL* constants
	Value   string // the offending part as typed (never the login)
	Err     error  // the parser's own error, when there is one
}

func (e *URLError) Error() string {
	msg := "mail: invalid SMTP URL (" + e.Problem
	if e.Value != "" {
		msg += fmt.Sprintf(" %q", e.Value)
	}
	msg += ")"
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *URLError) Unwrap() error { return e.Err }

// parseProblem tells what made url.Parse refuse raw. The url.Error quotes the whole
// URL, password and all, so only its cause is kept.
func parseProblem(raw string, err error) *URLError {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var host url.InvalidHostError
	switch {
	case errors.As(err, &host):
		return &URLError{Problem: URLHostInvalid, Value: string(host), Err: err}
	// net/url says `invalid port ":x" after host`; it has no error type for it.
	case strings.HasPrefix(err.Error(), "invalid port "):
		return &URLError{Problem: URLPort, Err: err}
	case strings.HasPrefix(err.Error(), "missing protocol scheme") || !strings.Contains(raw, "://"):
		return &URLError{Problem: URLSchemeMissing, Err: err}
	}
	return &URLError{Problem: URLSyntax, Err: err}
}
