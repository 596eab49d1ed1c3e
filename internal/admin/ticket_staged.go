package admin

import (
	"pforte/internal/ticket"
)

// A reply or note refused because others changed the ticket (ticket_stale.go) or for
// bad input keeps its files as staged uploads (web/kept_files.go): the returned form
// lists them and sending it again attaches them like freshly chosen files.

// stagedOwner is the member's staged uploads on ticket id.
func stagedOwner(v *visit, id int64) ticket.StagedOwner {
	return ticket.StagedOwner{TenantID: v.P.TenantID, StaffID: v.Member.ID, TicketID: id}
}
