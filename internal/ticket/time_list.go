package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// TimeTotals are the minutes of a set of entries: all of them, and the billable ones.
type TimeTotals struct {
	Minutes  int
	Billable int
}

// SumTimes adds up entries.
func SumTimes(entries []TimeEntry) TimeTotals {
	var s TimeTotals
	for _, e := range entries {
		s.Minutes += e.Minutes
		if e.Billable {
			s.Billable += e.Minutes
		}
	}
	return s
}

// TimesOf lists the time entries of the tenant's ticket ticketID, by day and then as
// they were logged, with the names of the staff who logged them. A ticket holds a
// handful: ticket_time_ticket serves them.
func TimesOf(ctx context.Context, q db.Querier, tenantID, ticketID int64) ([]TimeEntry, error) {
	return timeEntries(ctx, q, `e.tenant_id = ? AND e.ticket_id = ?`, tenantID, ticketID)
}

func timeEntries(ctx context.Context, q db.Querier, where string, args ...any) ([]TimeEntry, error) {
	rows, err := q.Query(ctx, `SELECT e.id, e.ticket_id, e.company_id, e.staff_id, COALESCE(s.name, ''), COALESCE(e.message_id, 0),
		e.work_date, e.minutes, e.billable, e.note, e.created_at, e.updated_at
		FROM ticket_time e LEFT JOIN staff s ON s.id = e.staff_id AND s.tenant_id = e.tenant_id
		WHERE `+where+` ORDER BY e.work_date, e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: time entries: %w", err)
	}
	defer rows.Close()
	var out []TimeEntry
	for rows.Next() {
		var e TimeEntry
		var created, updated int64
		if err := rows.Scan(&e.ID, &e.TicketID, &e.CompanyID, &e.StaffID, &e.StaffName, &e.MessageID, &e.Date,
			&e.Minutes, &e.Billable, &e.Note, &created, &updated); err != nil {
			return nil, fmt.Errorf("ticket: time entries: %w", err)
		}
		e.CreatedAt, e.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ticket: time entries: %w", err)
	}
	return out, nil
}

// PublicTime is what a contact may see of the time spent on their ticket: the day and
// the minutes, never who or the note (notes can be internal).
type PublicTime struct {
	Date    string // TimeDateLayout
	Minutes int
}

// Day is the entry's day as a calendar date (midnight UTC, to format with a nil zone).
func (p PublicTime) Day() time.Time {
	d, _ := time.Parse(TimeDateLayout, p.Date)
	return d
}

// PublicTimes lists the time spent on t, a ticket the contact may open (ForContact),
// for the portal of a tenant that shows it: each entry's day and minutes, by day. The
// caller checks the tenant's setting; this reads no note and no staff member.
func PublicTimes(ctx context.Context, q db.Querier, t Ticket) ([]PublicTime, error) {
	rows, err := q.Query(ctx, `SELECT work_date, minutes FROM ticket_time WHERE tenant_id = ? AND ticket_id = ?
		ORDER BY work_date, id`, t.TenantID, t.ID)
	if err != nil {
		return nil, fmt.Errorf("ticket: public time: %w", err)
	}
	defer rows.Close()
	var out []PublicTime
	for rows.Next() {
		var p PublicTime
		if err := rows.Scan(&p.Date, &p.Minutes); err != nil {
			return nil, fmt.Errorf("ticket: public time: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ticket: public time: %w", err)
	}
	return out, nil
}
