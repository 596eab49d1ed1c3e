package report

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// CompanyTime is the time staff logged for one company's tickets in a period.
type CompanyTime struct {
	ID       int64
	Name     string
	Minutes  int
	Billable int
}

// TimeByCompany sums the time entries of the tenant whose day lies in period p per
// company, most time first. ticket_time_period holds the period's entries in one
// range of the index; the sum reads no ticket.
func TimeByCompany(ctx context.Context, q db.Querier, tenantID int64, p Period) ([]CompanyTime, error) {
	rows, err := q.Query(ctx, `SELECT c.id, c.name, e.minutes, e.billable FROM (
			SELECT company_id, SUM(minutes) AS minutes, SUM(CASE WHEN billable THEN minutes ELSE 0 END) AS billable
			FROM ticket_time WHERE tenant_id = ? AND work_date >= ? AND work_date <= ? GROUP BY company_id) e
		JOIN companies c ON c.id = e.company_id ORDER BY e.minutes DESC, c.name, c.id`,
		tenantID, p.First.Format(DateLayout), p.Last.Format(DateLayout))
	if err != nil {
		return nil, fmt.Errorf("report: time by company: %w", err)
	}
	defer rows.Close()
	var out []CompanyTime
	for rows.Next() {
		var c CompanyTime
		if err := rows.Scan(&c.ID, &c.Name, &c.Minutes, &c.Billable); err != nil {
			return nil, fmt.Errorf("report: time by company: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: time by company: %w", err)
	}
	return out, nil
}

// TimeRow is one time entry of the export, with the names staff see.
type TimeRow struct {
	ID       int64
	Date     string // DateLayout
	Company  string
	TicketID int64
	Title    string
	Staff    string
	Minutes  int
	Billable bool
	Note     string
}

// ExportTime calls fn with every time entry of the tenant whose day lies in period p,
// by day and then as logged. Like Export it reads ExportBatch entries at a time, each
// batch after the last one's (work_date, id) along ticket_time_period, and writes a
// batch only after its query closed.
func ExportTime(ctx context.Context, q db.Querier, tenantID int64, p Period, fn func(TimeRow) error) error {
	lastDate, lastID, to := p.First.Format(DateLayout), int64(0), p.Last.Format(DateLayout)
	for {
		batch, err := timeBatch(ctx, q, tenantID, lastDate, lastID, to)
		if err != nil {
			return err
		}
		for _, r := range batch {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(batch) < ExportBatch {
			return nil
		}
		last := batch[len(batch)-1]
		lastDate, lastID = last.Date, last.ID
	}
}

func timeBatch(ctx context.Context, q db.Querier, tenantID int64, lastDate string, lastID int64, to string) ([]TimeRow, error) {
	rows, err := q.Query(ctx, `SELECT e.id, e.work_date, c.name, t.id, t.title, COALESCE(s.name, ''), e.minutes, e.billable, e.note
		FROM ticket_time e JOIN tickets t ON t.id = e.ticket_id JOIN companies c ON c.id = e.company_id
		LEFT JOIN staff s ON s.id = e.staff_id AND s.tenant_id = e.tenant_id
		WHERE e.tenant_id = ? AND (e.work_date, e.id) > (?, ?) AND e.work_date <= ?
		ORDER BY e.work_date, e.id LIMIT ?`, tenantID, lastDate, lastID, to, ExportBatch)
	if err != nil {
		return nil, fmt.Errorf("report: export time: %w", err)
	}
	defer rows.Close()
	var batch []TimeRow
	for rows.Next() {
		var r TimeRow
		if err := rows.Scan(&r.ID, &r.Date, &r.Company, &r.TicketID, &r.Title, &r.Staff, &r.Minutes, &r.Billable, &r.Note); err != nil {
			return nil, fmt.Errorf("report: export time: %w", err)
		}
		batch = append(batch, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: export time: %w", err)
	}
	return batch, nil
}
