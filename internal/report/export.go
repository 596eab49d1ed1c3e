package report

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/ticket"
)

// ExportBatch is how many tickets one query of Export reads.
const ExportBatch = 1000

// Row is one ticket of the export, with the names staff see. A zero time is none; a
// contact deleted since is an empty Opener.
type Row struct {
	ID            int64
	Title         string
	Company       string
	Opener        string
	CategoryID    int64  // 0 without a category
	Category      string // the main name; empty without a category
	Priority      int
	StatusID      int64
	Via           string
	Assignee      string
	Created       time.Time
	FirstResponse time.Time
	Resolved      time.Time
	Rating        string // the newest rating: ticket.RatingGood, RatingBad or empty
}

// Export calls fn with every ticket of the tenant opened in period p, in the order
// they were opened. It reads ExportBatch tickets at a time, each batch after the last
// one's (created_at, id), so a year's export never sits in memory and no query stays
// open while fn writes to a slow client; tickets_opened serves the order.
func Export(ctx context.Context, q db.Querier, tenantID int64, p Period, fn func(Row) error) error {
	return export(ctx, q, `t.tenant_id = ?`, []any{tenantID}, p, nil, fn)
}

// ExportCompany is Export for a main contact in the portal: the tickets of the
// principal's company that the portal shows (a status shown there, not merged into
// another), in batches read through tickets_company_opened.
func ExportCompany(ctx context.Context, q db.Querier, c principal.Contact, p Period, fn func(Row) error) error {
	statuses, err := ticket.Statuses(ctx, q, c.TenantID)
	if err != nil {
		return err
	}
	shown := map[int64]bool{}
	for _, s := range statuses {
		shown[s.ID] = s.PortalVisible
	}
	// The hidden statuses are left out in Go, as in CompanyFor: with "status_id IN (…)"
	// in the query PostgreSQL walked tickets_queue_company, the company's every ticket,
	// once per status and batch (a year of the largest customer at a million tickets:
	// 5.9 s instead of the period's range of tickets_company_opened).
	return export(ctx, q, `t.tenant_id = ? AND t.company_id = ? AND t.merged_into IS NULL`,
		[]any{c.TenantID, c.CompanyID}, p, func(r Row) bool { return shown[r.StatusID] }, fn)
}

// export is Export's batched walk over the tickets that where (with args) selects; keep,
// when set, decides which of them reach fn.
func export(ctx context.Context, q db.Querier, where string, args []any, p Period, keep func(Row) bool, fn func(Row) error) error {
	lastAt, lastID := p.From().Unix(), int64(0)
	for {
		rows, err := q.Query(ctx, `SELECT t.id, t.title, c.name, COALESCE(TRIM(o.first_name || ' ' || o.last_name), ''),
				COALESCE(t.category_id, 0), COALESCE(g.name, ''), t.priority, t.status_id, t.via, COALESCE(s.name, ''), t.created_at,
				COALESCE(t.first_responded_at, 0), COALESCE(t.resolved_at, 0), COALESCE(t.last_rating, '')
			FROM tickets t JOIN companies c ON c.id = t.company_id
			LEFT JOIN contacts o ON o.id = t.contact_id
			LEFT JOIN ticket_categories g ON g.id = t.category_id
			LEFT JOIN staff s ON s.id = t.assignee_id
			WHERE `+where+` AND (t.created_at, t.id) > (?, ?) AND t.created_at < ?
			ORDER BY t.created_at, t.id LIMIT ?`, append(args, lastAt, lastID, p.To().Unix(), ExportBatch)...)
		if err != nil {
			return fmt.Errorf("report: export: %w", err)
		}
		var batch []Row
		for rows.Next() {
			var r Row
			var created, responded, resolved int64
			if err := rows.Scan(&r.ID, &r.Title, &r.Company, &r.Opener, &r.CategoryID, &r.Category, &r.Priority, &r.StatusID, &r.Via,
				&r.Assignee, &created, &responded, &resolved, &r.Rating); err != nil {
				rows.Close()
				return fmt.Errorf("report: export: %w", err)
			}
			r.Created, r.FirstResponse, r.Resolved = time.Unix(created, 0), unixTime(responded), unixTime(resolved)
			batch = append(batch, r)
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("report: export: %w", err)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("report: export: %w", err)
		}
		for _, r := range batch {
			if keep != nil && !keep(r) {
				continue
			}
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(batch) < ExportBatch {
			return nil
		}
		last := batch[len(batch)-1]
		lastAt, lastID = last.Created.Unix(), last.ID
	}
}

func unixTime(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0)
}
