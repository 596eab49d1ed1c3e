package audit

import (
	"fmt"
	"strconv"
)

// TicketMerged: staff merged a ticket into another of the same company, which moved
// its conversation, files and followers and told its contacts (ticket.Merge).
const TicketMerged = "ticket_merged"

// MergeTarget is the target of a TicketMerged entry: the ids first, then the titles
// and the company's name quoted as Go strings, so the log can tell which number is
// which however the titles (which customers type) read:
// `#12 → #34 · company:7 · "Printer" → "Printer down" · "Kunde AG"`. Entries before
// this form read "#12 Printer → #34 Printer down (Kunde AG)".
func MergeTarget(sourceID, targetID, companyID int64, sourceTitle, targetTitle, company string) string {
	return fmt.Sprintf("#%d → #%d · company:%d · %s → %s · %s", sourceID, targetID, companyID,
		strconv.Quote(sourceTitle), strconv.Quote(targetTitle), strconv.Quote(company))
}
