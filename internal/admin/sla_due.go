package admin

import (
	"context"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// dueText says when a due time comes relative to now, in the reader's language: "in
// 3 h", "2 h overdue". overdue is true once it passed.
func dueText(ctx context.Context, due, now time.Time) (text string, overdue bool) {
	d := due.Sub(now)
	if d < 0 {
		return i18n.T(ctx, "sla.due.overdue", map[string]any{"Time": slaSpan(ctx, -d)}), true
	}
	return i18n.T(ctx, "sla.due.in", map[string]any{"Time": slaSpan(ctx, d)}), false
}

// slaSpan is a duration in one unit, rounded down: minutes below an hour, hours below
// two days, days beyond. One unit reads at a glance in a list; the exact moment is in
// the tooltip.
func slaSpan(ctx context.Context, d time.Duration) string {
	switch {
	case d < time.Hour:
		return i18n.T(ctx, "sla.unit.minutes", map[string]any{"N": max(int(d/time.Minute), 1)})
	case d < 48*time.Hour:
		return i18n.T(ctx, "sla.unit.hours", map[string]any{"N": int(d / time.Hour)})
	}
	return i18n.T(ctx, "sla.unit.days", map[string]any{"N": int(d / (24 * time.Hour))})
}

// sortLabel is the message key of a queue order.
func sortLabel(s string) string {
	switch s {
	case ticket.SortDue:
		return "sla.sort.due"
	case ticket.SortFollowUp:
		return "followup.sort"
	}
	return "tickets_admin.sort." + s
}

// slaStateClass is the badge of a target's state; the badge's text says the state too,
// so colour is never the only sign.
func slaStateClass(state string) string {
	switch state {
	case ticket.SLAMet:
		return "badge ok"
	case ticket.SLABreached:
		return "badge danger"
	}
	return "badge muted"
}
