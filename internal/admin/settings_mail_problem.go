package admin

import (
	"context"
	"errors"

	"pforte/internal/i18n"
	"pforte/internal/mail"
)

// testProblem is what the mail settings say of a failed test mail, in the admin's
// language: the kind of failure (mail.ProblemOf) and what to check, never the error
// itself. The error names hosts, ports and certificate details of the network the
// portal runs in, and a tenant's admin could map that network by pointing the test
// at one address after another; mailSettingsTest writes it to the server log. A mail
// server address that does not parse (from PFORTE_SMTP_URL) says what is wrong with
// it, as the settings form does.
func testProblem(ctx context.Context, err error) string {
	var ue *mail.URLError
	if errors.As(err, &ue) {
		id, data := smtpURLProblem(err)
		return i18n.T(ctx, id, data)
	}
	switch mail.ProblemOf(err) {
	case mail.ProblemConnect:
		return i18n.T(ctx, "mail_problem.connect")
	case mail.ProblemTimeout:
		return i18n.T(ctx, "mail_problem.timeout")
	case mail.ProblemTLS:
		return i18n.T(ctx, "mail_problem.tls")
	case mail.ProblemLogin:
		return i18n.T(ctx, "mail_problem.login")
	case mail.ProblemRefused:
		return i18n.T(ctx, "mail_problem.refused")
	}
	return i18n.T(ctx, "mail_problem.other")
}
