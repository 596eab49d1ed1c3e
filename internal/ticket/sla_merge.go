package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// mergeClock gives the target of a merge (at now), once the source's messages are its
// own, the first response it got among them when it has none: the source's public
// staff messages are part of the target's conversation now, so one written after the
// target was opened answered the customer on the matter at its own time (in the other
// ticket), and one written before that reaches the customer in the target only now, so
// it counts as given at the merge — never as an answer before the question, which
// would make an open breach vanish. The opening message of a ticket staff opened
// (clock.staff) answers nothing: it is usually the customer's problem taken down on
// the phone. Late is still late: the moment is judged against the target's own due
// time. A target staff opened awaits no first response (clock.staff), and one answered
// itself keeps its own.
func mergeClock(ctx context.Context, q db.Querier, tenantID, targetID int64, now time.Time) error {
	c, err := loadClock(ctx, q, tenantID, targetID)
	if err != nil || c.firstAt != 0 || c.staff {
		return err
	}
	if c.firstAt, err = firstStaffReply(ctx, q, tenantID, targetID, c.created, now.Unix()); err != nil || c.firstAt == 0 {
		return err
	}
	return saveClock(ctx, q, tenantID, targetID, c)
}

// firstStaffReply is when ticket ticketID (opened at created) got its first public
// staff message, or 0 for none, by mergeClock's rules. Messages carry no mark of the
// ticket they came from, so the rules work from what the tickets merged into it (and
// into those, before) still record:
//   - the opening message of a ticket staff opened is the one written the very second
//     that ticket was opened (Create stores both at once; staff cannot answer a ticket
//     within the second it appears), and it never counts;
//   - a message older than the ticket can only have come by a merge and counts at
//     merged, when that merge happened.
func firstStaffReply(ctx context.Context, q db.Querier, tenantID, ticketID, created, merged int64) (int64, error) {
	var at int64
	if err := q.QueryRow(ctx, `WITH RECURSIVE sources(id) AS (
			SELECT id FROM tickets WHERE tenant_id = ? AND merged_into = ?
			UNION SELECT t.id FROM tickets t JOIN sources ON t.merged_into = sources.id WHERE t.tenant_id = ?)
		SELECT COALESCE(MIN(CASE WHEN m.created_at < ? THEN CAST(? AS BIGINT) ELSE m.created_at END), 0)
		FROM ticket_messages m
		WHERE m.tenant_id = ? AND m.ticket_id = ? AND m.staff_id IS NOT NULL AND NOT m.internal
		AND NOT EXISTS (SELECT 1 FROM sources JOIN tickets s ON s.id = sources.id
			WHERE s.via = ? AND s.created_at = m.created_at)`,
		tenantID, ticketID, tenantID, created, max(merged, created), tenantID, ticketID, ViaStaff).Scan(&at); err != nil {
		return 0, fmt.Errorf("ticket: sla first reply: %w", err)
	}
	return at, nil
}

// firstMerge is when the first ticket was merged into ticket ticketID, 0 for never: the
// moment a message older than the ticket counts as given when the first response is
// looked up again (priorityClock). Which merge brought which message is not recorded;
// with one merge — nearly always — it is exact. With several it is the earliest
// possible, and only for a ticket whose answer a merge did not record already: only one
// from before first_responded_at was kept, since mergeClock records it at each merge.
func firstMerge(ctx context.Context, q db.Querier, tenantID, ticketID int64) (int64, error) {
	var at int64
	if err := q.QueryRow(ctx, `SELECT COALESCE(MIN(created_at), 0) FROM ticket_events
		WHERE tenant_id = ? AND ticket_id = ? AND kind = 'merged_from'`, tenantID, ticketID).Scan(&at); err != nil {
		return 0, fmt.Errorf("ticket: sla first merge: %w", err)
	}
	return at, nil
}
