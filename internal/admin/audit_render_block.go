package admin

import (
	"strings"

	"pforte/internal/audit"
)

// The formats of answering and blocking senders join auditFormats here, beside their
// renderer, rather than in its shared literal.
func init() {
	auditFormats[audit.InboxReplied] = fmtAsWritten
	auditFormats[audit.SenderBlocked] = fmtBlock
	auditFormats[audit.SenderUnblocked] = fmtBlock
}

// fmtBlock: "domain:spam.example" or "address:x@spam.example" (audit.BlockTarget).
func fmtBlock(d *detailCtx, s string) []detailPart {
	kind, value, ok := strings.Cut(s, ":")
	if !ok || value == "" {
		return nil
	}
	switch kind {
	case "domain":
		return d.t("inbox_block.audit.domain", map[string]any{"Domain": value})
	case "address":
		return d.t("inbox_block.audit.address", map[string]any{"Email": value})
	}
	return nil
}
