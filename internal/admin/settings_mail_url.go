package admin

import (
	"errors"

	"pforte/internal/mail"
)

// smtpURLProblem is the message saying what is wrong with an SMTP URL mail.NewSMTP
// refused, and its data: an admin told only "invalid" cannot see whether the scheme,
// the server, the port or a setting is at fault.
func smtpURLProblem(err error) (string, map[string]any) {
	var ue *mail.URLError
	if !errors.As(err, &ue) {
		return "admin.mail.smtp_invalid", nil
	}
	data := map[string]any{"Value": shorten(ue.Value, 40)}
	switch ue.Problem {
	case mail.URLSchemeMissing:
		return "smtp_url.scheme_missing", nil
	case mail.URLScheme:
		return "smtp_url.scheme", data
	case mail.URLHostMissing:
		return "smtp_url.host_missing", nil
	case mail.URLHostInvalid:
		return "smtp_url.host_invalid", nil
	case mail.URLPort:
		return "smtp_url.port", nil
	case mail.URLPath:
		return "smtp_url.path", nil
	case mail.URLParam:
		return "smtp_url.param", data
	case mail.URLFrom:
		return "smtp_url.from", nil
	case mail.URLTLS:
		return "smtp_url.tls", data
	}
	return "admin.mail.smtp_invalid", nil
}

// shorten cuts s to at most n characters, marking the cut: a value typed by mistake
// may be long, and the message quotes it only to point at it.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
