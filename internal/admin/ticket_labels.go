package admin

import (
	"context"
	"strconv"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// statusName is a status as staff read it: the tenant's own name, or the translation
// of a built-in status nobody renamed. The built-in "waiting" status is worded for the
// customer ("Waiting for your reply"); staff read it as waiting for the customer, or
// the queue would seem to ask them for the answer.
func statusName(ctx context.Context, s ticket.Status) string {
	if key, _ := s.Label(); key != "" && s.Code == ticket.CodeWaiting {
		return i18n.T(ctx, "admin_day.status.waiting")
	}
	return ticket.StatusLabel(i18n.From(ctx), s)
}

// statusBadge colours a status by its kind; the status-<kind> class is the portal's,
// so both sides look alike.
func statusBadge(kind string) string {
	switch kind {
	case ticket.KindOpen:
		return "badge warn status-open"
	case ticket.KindResolved:
		return "badge ok status-resolved"
	case ticket.KindClosed:
		return "badge muted status-closed"
	}
	return "badge status-" + kind
}

// priorityName is a priority in the reader's language.
func priorityName(ctx context.Context, p int) string {
	return i18n.T(ctx, "ticket.priority."+ticket.PriorityName(p))
}

// ticketNo is how a ticket number reads on pages and in searches ("#123").
func ticketNo(id int64) string { return "#" + strconv.FormatInt(id, 10) }

// ticketPath is the back-office page of ticket id.
func ticketPath(id int64) string { return "/admin/tickets/" + strconv.FormatInt(id, 10) }

// priorityChoices are the priorities from urgent to low, first is "any" when anyLabel
// is set (the queue's filter).
func priorityChoices(ctx context.Context, anyLabel string) []web.Choice {
	var out []web.Choice
	if anyLabel != "" {
		out = append(out, web.Choice{Value: "", Label: i18n.T(ctx, anyLabel)})
	}
	for i := len(ticket.Priorities) - 1; i >= 0; i-- {
		p := ticket.Priorities[i]
		out = append(out, web.Choice{Value: strconv.Itoa(p), Label: priorityName(ctx, p)})
	}
	return out
}

// statusChoices are the statuses staff may set: the active ones, and the ticket's
// current one even when it was retired since. first leads the list when set.
func statusChoices(ctx context.Context, list []ticket.Status, current int64, first string) []web.Choice {
	var out []web.Choice
	if first != "" {
		out = append(out, web.Choice{Value: "", Label: i18n.T(ctx, first)})
	}
	for _, s := range list {
		if s.Active || s.ID == current {
			out = append(out, web.Choice{Value: strconv.FormatInt(s.ID, 10), Label: statusName(ctx, s)})
		}
	}
	return out
}

// eventText is one line of the status history in the reader's language.
func eventText(ctx context.Context, e ticket.Event) string {
	data := map[string]any{"Actor": e.Actor, "From": statusName(ctx, e.From), "To": statusName(ctx, e.To), "Note": e.Note}
	kind := e.Kind
	if kind == "assigned" && e.Note == "" {
		kind = "unassigned"
	}
	if text := mergeEventText(ctx, e); text != "" { // what a merge did to its target (ticket_merge_events.go)
		return text
	}
	if id := decisionMoved[kind]; id != "" && e.From.ID != 0 && e.From.ID != e.To.ID && e.From.Code != ticket.CodeNew {
		return i18n.T(ctx, id, data)
	}
	switch kind {
	case ticket.EventFollowUp:
		return followUpEventText(ctx, e) // ticket_followup.go
	case "created", "status", "assigned", "unassigned", "billed", "unbilled", "accepted", "declined", "follower",
		"reopened", "closed", "merged", "merged_from", ticket.EventAutoClosed, ticket.EventAutoResolved, ticket.EventReminded,
		ticket.EventFollowUpCleared, ticket.EventAfterReply:
		return i18n.T(ctx, "tickets_admin.event."+kind, data)
	}
	return e.Actor + ": " + e.Kind
}

// decisionMoved words a decision that moved the ticket from a status other than "new"
// (declining a request in progress): "declined the request" alone would hide which
// status it left.
var decisionMoved = map[string]string{"accepted": "tback_fix.event.accepted_moved", "declined": "tback_fix.event.declined_moved"}

// assigneeChoices are "nobody" and the staff who can take tickets (assignable), plus
// the current assignee otherwise, marked when inactive, so the select shows who has it.
func assigneeChoices(ctx context.Context, tv ticketView) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "tickets_admin.assignee.nobody")}}
	for _, m := range tv.Staff {
		if assignable(m) || m.ID == tv.AssigneeID {
			out = append(out, web.Choice{Value: itoa(m.ID), Label: assigneeLabel(ctx, m)})
		}
	}
	return out
}

// categoryChoices are "none" and the active categories (plus the ticket's retired one).
func categoryChoices(ctx context.Context, tv ticketView) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "tickets_admin.category_none")}}
	for _, c := range tv.Categories {
		if c.Active || c.ID == tv.CategoryID {
			out = append(out, web.Choice{Value: itoa(c.ID), Label: c.Name})
		}
	}
	return out
}

// mayTake reports whether the ticket page offers "Assign to me": the reader is an
// active staff member who does not have the ticket yet.
func mayTake(tv ticketView) bool {
	if tv.AssigneeID == tv.MemberID {
		return false
	}
	for _, m := range tv.Staff {
		if m.ID == tv.MemberID {
			return m.Active
		}
	}
	return false
}
