package admin

import (
	"strings"

	"pforte/internal/audit"
)

// Reopening an inbox item joins auditFormats here, beside its renderer.
func init() {
	auditFormats[audit.InboxReopened] = fmtInboxReopened
}

// fmtInboxReopened: "inbox:12" (audit.InboxTarget), the item linked by its number.
func fmtInboxReopened(d *detailCtx, s string) []detailPart {
	id, ok := strings.CutPrefix(s, "inbox:")
	if !ok || id == "" || strings.Trim(id, "0123456789") != "" {
		return nil
	}
	// Linked while the item exists (one forgotten with its contact is gone).
	return d.t("inbox_undo.audit.item", map[string]any{"Item": d.link("inbox", id, "#"+id, false)})
}
