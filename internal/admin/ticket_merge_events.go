package admin

import (
	"context"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// mergeEventText is the history line of what a merge did to its target beyond the
// merge itself (ticket.mergeOpen): reopened for the merged ticket (a "reopened" entry
// whose note is the merged ticket's number), or its priority raised; and of staff's
// corrections (ticket.Retitle, ticket.Move). Empty for any other entry.
func mergeEventText(ctx context.Context, e ticket.Event) string {
	switch {
	case e.Kind == "reopened" && e.Note != "":
		return i18n.T(ctx, "qa2_desk.event.merge_reopened", map[string]any{"Actor": e.Actor, "Ticket": "#" + e.Note, "To": statusName(ctx, e.To)})
	case e.Kind == ticket.EventRetitled:
		return i18n.T(ctx, "qa2_desk.event.retitled", map[string]any{"Actor": e.Actor, "Note": e.Note})
	case e.Kind == ticket.EventMoved:
		return i18n.T(ctx, "qa2_desk.event.moved", map[string]any{"Actor": e.Actor, "Note": e.Note})
	case e.Kind == ticket.EventMergePriority:
		return i18n.T(ctx, "qa2_desk.event.merge_priority", map[string]any{"Actor": e.Actor, "Priority": i18n.T(ctx, "ticket.priority."+e.Note)})
	}
	return ""
}
