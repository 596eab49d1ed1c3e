package admin

import "pforte/internal/audit"

// The deleted ticket's entry is one of the formats TestAuditDetailFormats walks: the
// number stays text (the ticket is gone), the company is linked while it exists, and a
// title holding the separator still reads as written.
func init() {
	auditCases = append(auditCases,
		auditCase{audit.TicketDeleted, audit.DeletedTicketTarget(12, 7, "Spam · \"win\"", "Kunde AG"), 0,
			"Ticket #12 “Spam · \"win\"” of [Kunde AG](/admin/companies/7) deleted"},
		auditCase{audit.TicketDeleted, audit.DeletedTicketTarget(99, 8, "Test", "Gone GmbH"), 0,
			"Ticket #99 “Test” of Gone GmbH deleted"},
		auditCase{audit.TicketDeleted, "#12 broken", 0, "#12 broken"},
	)
}
