package ticket

import (
	"strconv"
	"strings"
)

// A list's "next" link names where its page ended (Filter.After, the link's ?after=):
// the order's values of the page's last ticket, such as "updated.1763984100.4711". The
// next page then starts at that place in the order's index (keyset paging) instead of
// skipping the rows of every page before it: at a million tickets page 21 of a search
// for a common word cost 400 ms by OFFSET (page 1: 12 ms), and page 21 of the open
// tickets by priority 100 ms, walking past the 1,000 matches before it. A link from
// before a change of order, or a mangled one, is not used: the page is then found by
// its number, as before.

// afterSep separates the parts of an After value; it needs no escaping in a URL.
const afterSep = "."

// listSort is the order a list runs in: Queue settles a filter by due time or
// follow-up this way (queueWhere), and an empty order is the newest activity.
func (f Filter) listSort() string {
	switch {
	case f.byDue():
		return SortDue
	case f.byFollowUp():
		return SortFollowUp
	case f.Sort == "":
		return Sorts[0]
	}
	return f.Sort
}

// Cursor is the After value of the page that follows one ending with last, in f's
// order. For the portal, last.UpdatedAt is the activity contacts see (portalRow).
func (f Filter) Cursor(last Ticket) string {
	var vals []int64
	switch sort := f.listSort(); sort {
	case "created", "oldest":
		vals = []int64{last.ID}
	case "priority":
		vals = []int64{int64(last.Priority), last.UpdatedAt.Unix(), last.ID}
	case SortDue:
		vals = []int64{last.DueAt.Unix(), last.ID}
	case SortFollowUp:
		vals = []int64{last.FollowUpAt.Unix(), last.ID}
	default:
		vals = []int64{last.UpdatedAt.Unix(), last.ID}
	}
	parts := []string{f.listSort()}
	for _, v := range vals {
		parts = append(parts, strconv.FormatInt(v, 10))
	}
	return strings.Join(parts, afterSep)
}

// afterCond is the condition that keeps the tickets after f.After in f's order, as a
// comparison of row values that the order's index serves as a range; ok is false when
// f.After is empty or was made for another order, or the page is the first (a link that
// kept ?after= while changing a filter starts the list again).
func (f Filter) afterCond() (cond string, args []any, ok bool) {
	parts := strings.Split(f.After, afterSep)
	if f.After == "" || f.Page <= 1 || len(parts) < 2 || parts[0] != f.listSort() {
		return "", nil, false
	}
	for _, p := range parts[1:] {
		v, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return "", nil, false
		}
		args = append(args, v)
	}
	activity := "t.updated_at"
	if f.portal {
		activity = "t.portal_at"
	}
	var cols, op string
	switch parts[0] {
	case "created":
		cols, op = "t.id", "<"
	case "oldest":
		cols, op = "t.id", ">"
	case "priority":
		cols, op = "t.priority, "+activity+", t.id", "<"
	case SortDue:
		cols, op = "t.sla_due_at, t.id", ">"
	case SortFollowUp:
		cols, op = "t.followup_at, t.id", ">"
	default:
		cols, op = activity+", t.id", "<"
	}
	if strings.Count(cols, ",")+1 != len(args) {
		return "", nil, false
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")
	return ` AND (` + cols + `) ` + op + ` (` + marks + `)`, args, true
}
