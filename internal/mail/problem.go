package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// Problem is the kind of failure a send through an SMTP server met, in words fit for
// the person who entered the server. The error itself names hosts, addresses, ports
// and certificate details of the network the portal runs in: on an installation with
// several tenants a tenant's admin could map that network by pointing the test mail
// at one address after another. The error belongs in the server log; the page shows
// the Problem.
type Problem string

// The problems ProblemOf tells apart.
const (
	ProblemConnect Problem = "connect" // no connection: unknown name, refused, unreachable, closed
	ProblemTimeout Problem = "timeout" // the server did not answer in time
	ProblemTLS     Problem = "tls"     // no encrypted connection: no STARTTLS, bad certificate, not TLS at all
	ProblemLogin   Problem = "login"   // the login was refused, or the server offers none the portal can use
	ProblemRefused Problem = "refused" // the server refused the sender, a recipient or the message
	ProblemOther   Problem = "other"   // anything else
)

// ProblemOf sorts an error of Sender.Send (or of making the sender) into a Problem.
// The order matters: a timeout or a TLS failure arrives as a network error too.
func ProblemOf(err error) Problem {
	if err == nil {
		return ""
	}
	msg := err.Error()
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return ProblemTimeout
	}
	if isTLS(err, msg) {
		return ProblemTLS
	}
	// go-mail reports a refused login as "SMTP AUTH failed: …" and a server that offers
	// no usable mechanism as "server does not support SMTP AUTH" or Err…AuthNotSupported.
	if strings.Contains(msg, "SMTP AUTH") || strings.Contains(msg, "AuthNotSupported") ||
		strings.Contains(msg, "authentication") {
		return ProblemLogin
	}
	var se *gomail.SendError
	if errors.As(err, &se) {
		switch se.Reason {
		case gomail.ErrSMTPMailFrom, gomail.ErrSMTPRcptTo, gomail.ErrSMTPData, gomail.ErrSMTPDataClose:
			return ProblemRefused
		}
	}
	var oe *net.OpError
	var de *net.DNSError
	if errors.As(err, &oe) || errors.As(err, &de) {
		return ProblemConnect
	}
	return ProblemOther
}

// isTLS reports whether err is a failed TLS handshake or STARTTLS.
func isTLS(err error, msg string) bool {
	var (
		rh   tls.RecordHeaderError
		al   tls.AlertError
		cv   *tls.CertificateVerificationError
		ua   x509.UnknownAuthorityError
		host x509.HostnameError
		inv  x509.CertificateInvalidError
	)
	if errors.As(err, &rh) || errors.As(err, &al) || errors.As(err, &cv) || errors.As(err, &ua) ||
		errors.As(err, &host) || errors.As(err, &inv) {
		return true
	}
	// STARTTLS missing or refused, and handshake errors that come as text only.
	return strings.Contains(msg, "STARTTLS") || strings.Contains(msg, "tls: ") || strings.Contains(msg, "x509: ")
}
