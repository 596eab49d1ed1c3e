package ticket

// SortFollowUp is the queue's order by follow-up, earliest first. Like SortDue it
// lists only tickets that have one: the partial index tickets_followup holds just
// those, so the order walks them and never sorts the tenant's other tickets.
const SortFollowUp = "followup"

// followUpOwner is the staff member a follow-up belongs to: the assignee, or, while
// nobody is assigned, whoever set it.
const followUpOwner = `COALESCE(t.assignee_id, t.followup_by)`

// byFollowUp reports whether the queue lists by follow-up: the "follow-up due" filter
// (unless the overdue filter orders by due time) or the follow-up order.
func (f Filter) byFollowUp() bool {
	return !f.byDue() && (!f.FollowUpDue.IsZero() || f.Sort == SortFollowUp)
}

// followUpConditions adds the "follow-up due" filter (due at f.FollowUpDue, of
// f.FollowUpOf when set) and the condition the follow-up order needs; all name
// followup_at so that the partial index tickets_followup serves them.
func (f Filter) followUpConditions(where string, args []any) (string, []any) {
	if !f.FollowUpDue.IsZero() {
		where += ` AND t.followup_at <= ?`
		args = append(args, f.FollowUpDue.Unix())
		if f.FollowUpOf > 0 {
			where += ` AND ` + followUpOwner + ` = ?`
			args = append(args, f.FollowUpOf)
		}
	}
	if f.byFollowUp() || !f.FollowUpDue.IsZero() {
		where += ` AND t.followup_at IS NOT NULL`
	}
	return where, args
}
