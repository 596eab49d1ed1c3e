package report

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/staff"
)

// staffReplies counts the public replies each staff member wrote in the period, on
// any ticket (internal notes are not replies): a range count per staff member on the
// partial index ticket_messages_staff, which holds only public staff messages.
func (r span) staffReplies(ctx context.Context, q db.Querier) (map[int64]int, error) {
	return scanCounts(q.Query(ctx, `SELECT s.id, (SELECT COUNT(*) FROM ticket_messages m
			WHERE m.tenant_id = ? AND m.staff_id = s.id AND NOT m.internal AND m.created_at >= ? AND m.created_at < ?)
		FROM staff s WHERE s.tenant_id = ?`, r.tenantID, r.from, r.to, r.tenantID))
}

// staffFigures lists the staff members in name order: the active ones always, the
// deactivated ones while they have figures in the period.
func staffFigures(members []staff.Member, assigned, replies map[int64]int) []StaffFigures {
	var out []StaffFigures
	for _, m := range members {
		s := StaffFigures{ID: m.ID, Name: m.Name, Active: m.Active, Assigned: assigned[m.ID], Replies: replies[m.ID]}
		if s.Active || s.Assigned > 0 || s.Replies > 0 {
			out = append(out, s)
		}
	}
	return out
}

// ratings counts the good and bad ratings given or changed in the period, from the
// index on (tenant, rated_at, rating) alone.
func (r span) ratings(ctx context.Context, q db.Querier, f *Figures) error {
	return q.QueryRow(ctx, `SELECT COUNT(CASE WHEN rating = 'good' THEN 1 END), COUNT(CASE WHEN rating = 'bad' THEN 1 END)
		FROM ticket_ratings WHERE tenant_id = ? AND rated_at >= ? AND rated_at < ?`, r.tenantID, r.from, r.to).
		Scan(&f.Ratings.Good, &f.Ratings.Bad)
}
