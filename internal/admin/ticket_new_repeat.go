package admin

import (
	"net/http"

	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketRepeated lands a new ticket that repeats one the member opened a moment ago
// (ticket/repeat.go: the same contact, title, text, place and device) on that first
// ticket, saying it was sent already. The repeat does not compare priority, category
// and assignee: a form sent again after one of them was changed (the browser's back
// button, a second tab) would otherwise land on a ticket that silently holds other
// choices. So each choice the first ticket does not hold as sent now is named, for the
// member to change it there. Choices that are refused outright (a deactivated
// assignee, a contact no longer in the company) never get here: ticketCreate checks
// them before the repeat, and shows them on the form.
func (a *Admin) ticketRepeated(w http.ResponseWriter, r *http.Request, v *visit, first int64, n ticket.New, assignee int64) {
	t, err := ticket.ForStaff(r.Context(), a.env.DB, v.P.TenantID, first)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	parts := []web.FlashPart{{ID: "repeat.ticket_sent"}}
	if t.Priority != n.Priority {
		parts = append(parts, web.FlashPart{ID: "repeat.ticket_differs_priority"})
	}
	if t.CategoryID != n.CategoryID {
		parts = append(parts, web.FlashPart{ID: "repeat.ticket_differs_category"})
	}
	if t.AssigneeID != assignee {
		parts = append(parts, web.FlashPart{ID: "repeat.ticket_differs_assignee"})
	}
	if len(parts) > 1 {
		parts = append(parts, web.FlashPart{ID: "repeat.ticket_differs_change"})
	}
	a.env.FlashParts(w, r, ticketPath(first), parts...)
}
