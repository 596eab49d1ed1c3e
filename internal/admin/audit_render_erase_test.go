package admin

import "pforte/internal/audit"

// The cases of an admin erasing a contact or exporting their data join
// TestAuditDetailFormats' table.
func init() {
	auditCases = append(auditCases,
		auditCase{audit.ContactErased, "contact 9", 9, "[Contact #9](/admin/contacts/9)"},
		auditCase{audit.ContactErased, "contact 9: erasure request by letter: 12 Nov", 9,
			"[Contact #9](/admin/contacts/9) – reason: erasure request by letter: 12 Nov"},
		auditCase{audit.ContactErased, "contact 77", 77, "Contact #77"},
		auditCase{audit.ContactErased, "weird", 0, "weird"},
		auditCase{audit.ContactDataExported, "contact 9", 9, "[Contact #9](/admin/contacts/9)"},
	)
}
