package admin

import "pforte/internal/audit"

// A colleague invitation over the company's daily limit joins auditFormats here: the
// company, linked like an archived one.
func init() {
	auditFormats[audit.InvitationsLimited] = fmtCompanyArchive
}
