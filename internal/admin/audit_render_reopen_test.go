package admin

import "pforte/internal/audit"

// Reopening an inbox item joins TestAuditDetailFormats' table.
func init() {
	auditFound[auditRef{Kind: "inbox", ID: 12}] = auditRecord{ID: 12}
	auditCases = append(auditCases,
		auditCase{audit.InboxReopened, "inbox:12", 0, "Inbox item [#12](/admin/inbox/12)"},
		auditCase{audit.InboxReopened, "inbox:x", 0, "inbox:x"},
		auditCase{audit.InboxReopened, "inbox:13", 0, "Inbox item #13"}, // gone since

	)
}
