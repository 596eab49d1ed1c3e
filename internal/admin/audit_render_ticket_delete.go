package admin

import "regexp"

// `#12 · company:7 · "Printer" · "Kunde AG"` (audit.DeletedTicketTarget)
var detailTicketDeleted = regexp.MustCompile(`^#(\d+) · company:(\d+) · (.*)$`)

// fmtTicketDeleted: a ticket deleted with its conversation. Its number is not linked:
// the ticket is gone, and on SQLite a newer ticket may carry the number by now.
func fmtTicketDeleted(d *detailCtx, s string) []detailPart {
	m := detailTicketDeleted.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	v, ok := unquoteList(m[3], " · ")
	if !ok {
		return nil
	}
	return d.t("ticket_delete.audit", map[string]any{"Ticket": "#" + m[1], "Title": v[0],
		"Company": d.link("company", m[2], v[1], false)})
}
