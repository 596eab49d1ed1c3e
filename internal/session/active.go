package session

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// MaxListed bounds how many sessions an account page lists; a person with more has
// "end all other sessions" for the rest.
const MaxListed = 50

// Owner names whose sessions: a staff member (StaffID) or a contact (ContactID) of a
// tenant.
type Owner struct {
	TenantID, StaffID, ContactID int64
}

func (o Owner) where() (string, []any) {
	if o.StaffID > 0 {
		return `tenant_id = ? AND staff_id = ?`, []any{o.TenantID, o.StaffID}
	}
	// A staff preview is a session of the contact too (preview.go), but it is staff's:
	// the contact neither sees it (nor its address) nor ends it.
	return `tenant_id = ? AND contact_id = ? AND preview_by IS NULL`, []any{o.TenantID, o.ContactID}
}

// Active is one signed-in session, as its owner's account page lists it.
type Active struct {
	ID        int64
	IP        string
	UserAgent string
	CreatedAt time.Time
	LastSeen  time.Time
	Current   bool // the session the page was asked for with
}

// ListActive lists the owner's sessions still valid at now: the one with id current
// first and marked, then the others most recently used first; at most MaxListed.
func ListActive(ctx context.Context, q db.Querier, o Owner, current int64, now time.Time) ([]Active, error) {
	where, args := o.where()
	rows, err := q.Query(ctx, `SELECT id, ip, user_agent, created_at, last_seen_at FROM sessions WHERE `+where+`
		AND expires_at > ? AND created_at > ? ORDER BY last_seen_at DESC, id DESC LIMIT ?`,
		append(args, now.Unix(), now.Add(-MaxAge).Unix(), MaxListed)...)
	if err != nil {
		return nil, fmt.Errorf("session: list: %w", err)
	}
	defer rows.Close()
	var out []Active
	for rows.Next() {
		var a Active
		var created, seen int64
		if err := rows.Scan(&a.ID, &a.IP, &a.UserAgent, &created, &seen); err != nil {
			return nil, fmt.Errorf("session: list: %w", err)
		}
		a.CreatedAt, a.LastSeen, a.Current = time.Unix(created, 0), time.Unix(seen, 0), a.ID == current
		if a.Current {
			out = append([]Active{a}, out...)
		} else {
			out = append(out, a)
		}
	}
	return out, rows.Err()
}

// EndOne ends the owner's session id. The current session ends by logging out, so it
// and any session not the owner's are db.ErrNotFound.
func EndOne(ctx context.Context, q db.Querier, o Owner, id, current int64) error {
	if id == current {
		return db.ErrNotFound
	}
	where, args := o.where()
	res, err := q.Exec(ctx, `DELETE FROM sessions WHERE id = ? AND `+where, append([]any{id}, args...)...)
	if err != nil {
		return fmt.Errorf("session: end: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// EndOthers ends every session of the owner but current still valid at now (expired
// ones are the janitor's) and says how many ended, as ListActive counted them.
func EndOthers(ctx context.Context, q db.Querier, o Owner, current int64, now time.Time) (int, error) {
	where, args := o.where()
	res, err := q.Exec(ctx, `DELETE FROM sessions WHERE `+where+` AND id <> ? AND expires_at > ? AND created_at > ?`,
		append(args, current, now.Unix(), now.Add(-MaxAge).Unix())...)
	if err != nil {
		return 0, fmt.Errorf("session: end others: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
