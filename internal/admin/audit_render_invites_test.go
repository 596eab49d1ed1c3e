package admin

import "pforte/internal/audit"

// A colleague invitation over the company's daily limit joins TestAuditDetailFormats' table.
func init() {
	auditCases = append(auditCases,
		auditCase{audit.InvitationsLimited, "company:7 Kunde AG", 9, "[Kunde AG](/admin/companies/7)"},
	)
}
