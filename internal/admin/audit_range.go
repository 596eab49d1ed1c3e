package admin

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/report"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// auditAsk is the log's filter as asked for: the dates as typed (shown again in the
// form), their errors, and whether a value the log does not know was left out.
type auditAsk struct {
	audit.Filter
	FromText, ToText string
	Errors           validate.Errors
	// Ignored: an action the log does not know (a mangled or outdated link) was
	// dropped; the page says so rather than quietly showing every action.
	Ignored bool
}

// auditAskOf reads ?action=, ?q=, ?from= and ?to= (days, report.DateLayout, in the
// tenant's zone; either may be left out). An unknown action and an overlong text are
// dropped, and the page notes it: a filter is a view, and a mangled link should still
// show the log. Dates are checked like a report's: a wrong one is named at its field.
func auditAskOf(r *http.Request, zone *time.Location) auditAsk {
	q := r.URL.Query()
	aq := auditAsk{Filter: audit.Filter{Action: q.Get("action"), Query: strings.TrimSpace(q.Get("q"))}, Errors: validate.Errors{}}
	if aq.Action != "" && !slices.Contains(auditActions(), aq.Action) {
		aq.Action, aq.Ignored = "", true
	}
	if utf8.RuneCountInString(aq.Query) > 100 || validate.HasControl(aq.Query) {
		aq.Query, aq.Ignored = "", true
	}
	aq.FromText = validate.Truncate(validate.Clean(strings.TrimSpace(q.Get("from"))), 20)
	aq.ToText = validate.Truncate(validate.Clean(strings.TrimSpace(q.Get("to"))), 20)
	first, ok1 := auditDay(aq.Errors, "from", aq.FromText, zone)
	last, ok2 := auditDay(aq.Errors, "to", aq.ToText, zone)
	if ok1 && ok2 && !first.IsZero() && !last.IsZero() && last.Before(first) {
		aq.Errors.Add("to", "reports.error.order", nil)
	}
	if aq.Errors.Any() {
		return aq
	}
	aq.From = first
	if !last.IsZero() {
		aq.To = last.AddDate(0, 0, 1) // the whole last day
	}
	return aq
}

// auditDay reads a day typed into field name as its local midnight; empty is no
// bound. ok is false when the text is no date within the years a period may hold.
func auditDay(e validate.Errors, name, s string, zone *time.Location) (day time.Time, ok bool) {
	if s == "" {
		return time.Time{}, true
	}
	d, err := time.Parse(report.DateLayout, s)
	if err != nil {
		e.Add(name, "reports.error.date", nil)
		return time.Time{}, false
	}
	if d.Year() < report.MinYear || d.Year() > report.MaxYear {
		e.Add(name, "qafix.reports.year_range", map[string]any{"Min": "2000", "Max": "2999"})
		return time.Time{}, false
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, zone), true
}

// Filtered reports whether any filter is on (the empty list then offers "show all").
func (aq auditAsk) Filtered() bool {
	return aq.Action != "" || aq.Query != "" || !aq.From.IsZero() || !aq.To.IsZero()
}

// Last is the last day the range holds (To is the midnight after it); zero for none.
func (aq auditAsk) Last() time.Time {
	if aq.To.IsZero() {
		return time.Time{}
	}
	return aq.To.AddDate(0, 0, -1)
}

// auditRangeText says which days the list holds, in the reader's date format.
func auditRangeText(ctx context.Context, aq auditAsk) string {
	switch {
	case aq.From.IsZero():
		return i18n.T(ctx, "audit_export.range_to", map[string]any{"To": web.Day(ctx, aq.Last())})
	case aq.To.IsZero():
		return i18n.T(ctx, "audit_export.range_from", map[string]any{"From": web.Day(ctx, aq.From)})
	}
	return i18n.T(ctx, "audit_export.range", map[string]any{"From": web.Day(ctx, aq.From), "To": web.Day(ctx, aq.Last())})
}
