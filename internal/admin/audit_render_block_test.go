package admin

import "pforte/internal/audit"

// The cases of answering and blocking senders join TestAuditDetailFormats' table.
func init() {
	auditCases = append(auditCases,
		auditCase{audit.InboxReplied, "greta@gamma.test", 0, "greta@gamma.test"},
		auditCase{audit.SenderBlocked, "domain:spam.example", 0, "Domain spam.example and its subdomains"},
		auditCase{audit.SenderBlocked, "address:x@spam.example", 0, "Address x@spam.example"},
		auditCase{audit.SenderUnblocked, "domain:spam.example", 0, "Domain spam.example and its subdomains"},
		auditCase{audit.SenderUnblocked, "weird", 0, "weird"},
	)
}
