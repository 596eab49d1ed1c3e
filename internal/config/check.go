package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	netmail "net/mail"
	"strconv"
	"strings"

	"pforte/internal/mail"
	"pforte/internal/tenant"
)

// UsageError is a command line the flags cannot read, or a request for help (then it
// wraps flag.ErrHelp). Usage lists the command's flags, for the help text or beside
// the error.
type UsageError struct {
	Err   error
	Usage string
	// Whole: Usage is the command's own usage text, "Usage:" lines and all (tenant,
	// staff-login), printed as it is rather than under a line made of the command's name.
	Whole bool
}

// Error is the problem with the command line, without the usage.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap gives errors.Is the cause, flag.ErrHelp for a request for help.
func (e *UsageError) Unwrap() error { return e.Err }

// ParseFlags reads args into fs and returns nil or a *UsageError. The flag package
// would print its own message and the flag list to the process's standard error; the
// caller prints the UsageError once instead, the help to standard output.
func ParseFlags(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return usageError(fs, err)
	}
	return nil
}

// ExtraOperands refuses, as a *UsageError, what follows a command's flags past the
// takes operands it reads: "demo --data /a /b" would otherwise run on /a, and "restore
// FILE --data /x" (the flag package stops at FILE) into ./data, silently.
func ExtraOperands(fs *flag.FlagSet, name string, takes int) error {
	if fs.NArg() <= takes {
		return nil
	}
	why := name + " takes only flags"
	if takes > 0 {
		why = fmt.Sprintf("%s takes %d argument, and its flags go before it", name, takes)
	}
	return usageError(fs, fmt.Errorf("unexpected argument %q (%s)", fs.Arg(takes), why))
}

func usageError(fs *flag.FlagSet, err error) *UsageError {
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return &UsageError{Err: err, Usage: b.String()}
}

// checkAddr refuses a listen address net.Listen could not use, before the database is
// opened: its own message ("address bogus: missing port in address") names neither
// the setting nor what it should look like.
func checkAddr(setting, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err == nil && strings.ContainsAny(host, " /") {
		err = errors.New("bad host")
	}
	if err == nil {
		if n, perr := strconv.Atoi(port); perr != nil {
			_, err = net.LookupPort("tcp", port) // a service name such as "http"
		} else if n < 0 || n > 65535 {
			err = errors.New("bad port")
		}
	}
	if err != nil {
		return fmt.Errorf("config: %s is %q, not a listen address: write host:port or :port, e.g. 127.0.0.1:8080 or :8080 (the port a number up to 65535)", setting, addr)
	}
	return nil
}

// checkBaseURL refuses a PFORTE_BASE_URL links could not be built on: every link in
// every mail starts with it, so "portal.example.com" would mail dead links. It is a
// portal address like the one admins enter in Settings, checked by the same rule.
func checkBaseURL(s string) error {
	if _, ok := tenant.NormalPortalURL(s); !ok {
		return fmt.Errorf("config: PFORTE_BASE_URL is %q: write the address customers open, with http:// or https:// and without a path, e.g. https://portal.example.com", s)
	}
	return nil
}

// checkMailFrom refuses a sender no mail server would take.
func checkMailFrom(s string) error {
	if _, err := netmail.ParseAddress(s); err != nil {
		return fmt.Errorf("config: PFORTE_MAIL_FROM is %q, not an email address: write e.g. portal@example.com or \"Example Portal <portal@example.com>\"", s)
	}
	return nil
}

// checkSMTPURL refuses a PFORTE_SMTP_URL the mail sender cannot use, in words an
// operator can act on; the URL itself is never repeated, as it holds the password.
func checkSMTPURL(s string) error {
	_, err := mail.NewSMTP(s)
	var ue *mail.URLError
	if err == nil || !errors.As(err, &ue) {
		return err
	}
	what := map[string]string{
		mail.URLSyntax:        "it is not a URL",
		mail.URLSchemeMissing: "it must begin with smtp:// or smtps://",
		mail.URLScheme:        fmt.Sprintf("%q is no mail scheme: use smtp:// or smtps://", ue.Value),
		mail.URLHostMissing:   "the server name is missing",
		mail.URLHostInvalid:   fmt.Sprintf("%q is no server name", ue.Value),
		mail.URLPort:          "the port must be a number from 1 to 65535, usually 587 (or 465 with smtps://)",
		mail.URLPath:          "nothing may follow the server and port but ?tls=…&from=…",
		mail.URLParam:         fmt.Sprintf("%q is no parameter: after ? only tls= and from= are allowed", ue.Value),
		mail.URLFrom:          fmt.Sprintf("from=%q is no email address", ue.Value),
		mail.URLTLS:           fmt.Sprintf("tls=%q is not possible: use tls=none, tls=starttls or tls=tls (with smtps:// only tls=tls)", ue.Value),
	}[ue.Problem]
	if what == "" {
		what = ue.Problem
	}
	return fmt.Errorf("config: PFORTE_SMTP_URL cannot be used: %s. Write e.g. smtp://user:password@mail.example.com:587?from=portal@example.com", what)
}
