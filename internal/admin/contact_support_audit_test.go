package admin

import "pforte/internal/access"

// Staff's support actions on a contact's page are formats TestAuditDetailFormats walks:
// the contact's address, linked to the contact while the entry names one.
func init() {
	auditCases = append(auditCases,
		auditCase{access.SupportResetSent, "anna@kunde.test", 9, "[anna@kunde.test](/admin/contacts/9)"},
		auditCase{access.SupportTwoFactorReset, "anna@kunde.test", 9, "[anna@kunde.test](/admin/contacts/9)"},
		auditCase{access.SupportUnlocked, "anna@kunde.test", 0, "anna@kunde.test"},
	)
}
