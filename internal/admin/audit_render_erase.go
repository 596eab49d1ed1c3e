package admin

import (
	"strings"

	"pforte/internal/audit"
)

// The formats of an admin erasing a contact or exporting their data join auditFormats
// here, beside their renderer, rather than in its shared literal.
func init() {
	auditFormats[audit.ContactErased] = fmtContactErased
	auditFormats[audit.ContactDataExported] = fmtAccountDeleted
}

// fmtContactErased: "contact 9", or "contact 9: reason" (access.EraseTarget). The
// contact is named by number, as an own account deletion names it: the address is
// what the erasure took away.
func fmtContactErased(d *detailCtx, s string) []detailPart {
	head, reason, _ := strings.Cut(s, ": ")
	who := fmtAccountDeleted(d, head)
	if who == nil || reason == "" {
		return who
	}
	return d.t("contact_erase.audit.reason", map[string]any{"Contact": who, "Reason": reason})
}
