package admin

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// Kinds of bulk action, the part of the action select's value before the colon.
const (
	bulkAssign   = "assign"
	bulkStatus   = "status"
	bulkPriority = "priority"
	// bulkDelete deletes the tickets, for admins only and after a confirmation
	// (ticket_bulk_delete.go); its value is "delete:0".
	bulkDelete = "delete"
)

// bulkAction is what a bulk change does to every chosen ticket.
type bulkAction struct {
	Kind   string // bulkAssign, bulkStatus or bulkPriority
	Target int64  // staff id (0: nobody), status id or priority
}

// value is how the action select carries the action ("assign:0", "status:3").
func (b bulkAction) value() string { return b.Kind + ":" + strconv.FormatInt(b.Target, 10) }

// parseBulkAction reads the action select's value. Only the tenant's own staff and
// statuses and the known priorities are targets: anything else is no action, so a
// foreign or made-up id is a message on the form, never a change. Whether the staff
// member or status is still active is left to the ticket rules, as on the ticket page.
func parseBulkAction(s string, statuses []ticket.Status, members []staff.Member) (bulkAction, bool) {
	kind, val, _ := strings.Cut(s, ":")
	target, err := strconv.ParseInt(val, 10, 64)
	if err != nil || target < 0 {
		return bulkAction{}, false
	}
	b := bulkAction{Kind: kind, Target: target}
	switch kind {
	case bulkAssign:
		return b, target == 0 || slices.ContainsFunc(members, func(m staff.Member) bool { return m.ID == target })
	case bulkStatus:
		return b, slices.ContainsFunc(statuses, func(st ticket.Status) bool { return st.ID == target })
	case bulkPriority:
		return b, slices.Contains(ticket.Priorities, int(target))
	case bulkDelete:
		return b, target == 0
	}
	return bulkAction{}, false
}

// step is the change of one ticket: the very step the ticket page's form runs (the
// same rules, history and mails). same reports a ticket that already was so, which
// the step leaves alone.
func (b bulkAction) step(same *bool) ticketStep {
	return func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
		switch b.Kind {
		case bulkAssign:
			*same = t.AssigneeID == b.Target
			return assignAndNotify(ctx, tx, t, b.Target, c)
		case bulkStatus:
			*same = t.Status.ID == b.Target
			return setStatusAndNotify(ctx, tx, t, b.Target, c)
		default: // priority; the category stays as it is
			if *same = t.Priority == int(b.Target); *same {
				return nil // the details form would save it again; here it would only touch the time
			}
			return ticket.SetDetails(ctx, tx, t, int(b.Target), t.CategoryID, c.By, c.Now)
		}
	}
}

// bulkGroup is one optgroup of the action select.
type bulkGroup struct {
	Label   string
	Choices []web.Choice
}

// bulkGroups are the actions the queue offers: assign to nobody or an active staff
// member, move to an active status other than a request's outcomes, set a priority
// (urgent first, as on the ticket).
func bulkGroups(ctx context.Context, statuses []ticket.Status, members []staff.Member, admin bool) []bulkGroup {
	assign := []web.Choice{{Value: bulkAction{Kind: bulkAssign}.value(), Label: i18n.T(ctx, "bulk.unassign")}}
	for _, m := range members {
		if assignable(m) { // active and signed in once (staff_unassign.go)
			assign = append(assign, web.Choice{Value: bulkAction{bulkAssign, m.ID}.value(), Label: m.Name})
		}
	}
	var status []web.Choice
	for _, s := range withoutOutcomes(statuses, 0) { // by deciding only (ticket_request_status.go)
		if s.Active {
			status = append(status, web.Choice{Value: bulkAction{bulkStatus, s.ID}.value(), Label: statusName(ctx, s)})
		}
	}
	prio := priorityChoices(ctx, "")
	for i := range prio {
		prio[i].Value = bulkPriority + ":" + prio[i].Value
	}
	groups := []bulkGroup{
		{Label: i18n.T(ctx, "bulk.group_assign"), Choices: assign},
		{Label: i18n.T(ctx, "bulk.group_status"), Choices: status},
		{Label: i18n.T(ctx, "bulk.group_priority"), Choices: prio},
	}
	if admin { // deleting is an admin's (ticket_bulk_delete.go)
		groups = append(groups, bulkGroup{Label: i18n.T(ctx, "ticket_delete.bulk_group"),
			Choices: []web.Choice{{Value: bulkAction{Kind: bulkDelete}.value(), Label: i18n.T(ctx, "ticket_delete.bulk_action")}}})
	}
	return groups
}
