package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// Status is one of a tenant's ticket statuses.
type Status struct {
	ID            int64
	Code          string // built-in meaning, empty for a status the tenant added
	Name          string // the tenant's own name; empty means the translation of Code
	Kind          string
	Position      int
	PortalVisible bool
	Active        bool
	// lastResolved: the tenant's only active status of kind resolved (Statuses marks
	// it), which Required keeps active.
	lastResolved bool
}

// Label is the message key or the name to show: pages translate "ticket.status.<code>"
// unless the tenant named the status itself.
func (s Status) Label() (key, name string) {
	if s.Name != "" || s.Code == "" {
		return "", s.Name
	}
	return "ticket.status." + s.Code, ""
}

// Required reports whether the rules move tickets into this built-in status by
// themselves (every new ticket starts in "new", a contact's answer moves it to "in
// progress", closing and deciding use "closed", "accepted" and "declined"): such a
// status cannot be retired. Neither can the last active status of kind resolved, as
// Statuses lists it: resolving by hand, auto-resolve and the rating of resolved tickets
// all need one, and without it the automation would stop silently while its reminders
// still promised a resolution.
func (s Status) Required() bool {
	switch s.Code {
	case CodeNew, CodeAccepted, CodeProgress, CodeClosed, CodeDeclined:
		return true
	}
	return s.lastResolved
}

// defaults are the statuses every tenant starts with (in the migration for existing
// tenants, in SeedDefaults for new ones).
var defaults = []Status{
	{Code: CodeNew, Kind: KindOpen, Position: 1},
	{Code: CodeAccepted, Kind: KindOpen, Position: 2},
	{Code: CodeProgress, Kind: KindOpen, Position: 3},
	{Code: CodeWaiting, Kind: KindWaiting, Position: 4},
	{Code: CodeResolved, Kind: KindResolved, Position: 5},
	{Code: CodeClosed, Kind: KindClosed, Position: 6},
	{Code: CodeDeclined, Kind: KindClosed, Position: 7},
}

// SeedDefaults gives a new tenant the default statuses.
func SeedDefaults(ctx context.Context, q db.Querier, tenantID int64) error {
	for _, s := range defaults {
		if _, err := q.Exec(ctx, `INSERT INTO ticket_statuses (tenant_id, code, kind, position, portal_visible)
			VALUES (?, ?, ?, ?, TRUE)`, tenantID, s.Code, s.Kind, s.Position); err != nil {
			return fmt.Errorf("ticket: seed statuses: %w", err)
		}
	}
	return nil
}

const statusCols = `id, code, name, kind, position, portal_visible, active`

func scanStatus(row interface{ Scan(...any) error }) (Status, error) {
	var s Status
	err := row.Scan(&s.ID, &s.Code, &s.Name, &s.Kind, &s.Position, &s.PortalVisible, &s.Active)
	return s, err
}

// Statuses lists the tenant's statuses in their order.
func Statuses(ctx context.Context, q db.Querier, tenantID int64) ([]Status, error) {
	rows, err := q.Query(ctx, `SELECT `+statusCols+` FROM ticket_statuses WHERE tenant_id = ? ORDER BY position, id`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("ticket: statuses: %w", err)
	}
	defer rows.Close()
	var out []Status
	for rows.Next() {
		s, err := scanStatus(rows)
		if err != nil {
			return nil, fmt.Errorf("ticket: statuses: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ticket: statuses: %w", err)
	}
	markLastResolved(out)
	return out, nil
}

// markLastResolved marks the only active status of kind resolved in list, if there is
// exactly one (Status.Required).
func markLastResolved(list []Status) {
	last := -1
	for i, s := range list {
		if s.Active && s.Kind == KindResolved {
			if last >= 0 {
				return
			}
			last = i
		}
	}
	if last >= 0 {
		list[last].lastResolved = true
	}
}

// StatusByCode finds the tenant's status with a built-in code.
func StatusByCode(ctx context.Context, q db.Querier, tenantID int64, code string) (Status, error) {
	s, err := scanStatus(q.QueryRow(ctx, `SELECT `+statusCols+` FROM ticket_statuses WHERE tenant_id = ? AND code = ?
		ORDER BY id LIMIT 1`, tenantID, code))
	if err != nil {
		return Status{}, fmt.Errorf("ticket: status %s: %w", code, db.One(err))
	}
	return s, nil
}

// StatusByID finds one of the tenant's statuses.
func StatusByID(ctx context.Context, q db.Querier, tenantID, id int64) (Status, error) {
	s, err := scanStatus(q.QueryRow(ctx, `SELECT `+statusCols+` FROM ticket_statuses WHERE tenant_id = ? AND id = ?`, tenantID, id))
	if err != nil {
		return Status{}, fmt.Errorf("ticket: status: %w", db.One(err))
	}
	return s, nil
}

// SaveStatus adds (ID 0) or changes a status of the tenant. A change that would retire
// the last active status of kind resolved is refused with ErrLastResolved after the
// update: call it in a transaction, which the error rolls back.
func SaveStatus(ctx context.Context, q db.Querier, tenantID int64, s Status) (int64, error) {
	if s.ID == 0 {
		id, err := db.Insert(ctx, q, `INSERT INTO ticket_statuses (tenant_id, name, kind, position, portal_visible, active)
			VALUES (?, ?, ?, ?, ?, ?)`, tenantID, s.Name, s.Kind, s.Position, s.PortalVisible, s.Active)
		if err != nil {
			return 0, fmt.Errorf("ticket: add status: %w", err)
		}
		return id, nil
	}
	prev, err := StatusByID(ctx, q, tenantID, s.ID) // what its tickets' automation follows until now (auto.go)
	if err != nil {
		return 0, err
	}
	retires := prev.Active && prev.Kind == KindResolved && !(s.Active && s.Kind == KindResolved)
	if retires {
		if err := lockResolved(ctx, q, tenantID); err != nil {
			return 0, err
		}
	}
	res, err := q.Exec(ctx, `UPDATE ticket_statuses SET name = ?, kind = ?, position = ?, portal_visible = ?, active = ?
		WHERE tenant_id = ? AND id = ?`, s.Name, s.Kind, s.Position, s.PortalVisible, s.Active, tenantID, s.ID)
	if err != nil {
		return 0, fmt.Errorf("ticket: save status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, db.ErrNotFound
	}
	if retires {
		var left int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_statuses WHERE tenant_id = ? AND kind = ? AND active`,
			tenantID, KindResolved).Scan(&left); err != nil {
			return 0, fmt.Errorf("ticket: count resolved statuses: %w", err)
		}
		if left == 0 {
			return 0, ErrLastResolved
		}
	}
	if err := doneStatusClock(ctx, q, tenantID, s); err != nil { // sla_list.go
		return 0, err
	}
	if err := kindClock(ctx, q, tenantID, prev, s, time.Now()); err != nil { // waiting starts or ends (sla_kind.go)
		return 0, err
	}
	// The settings are saved at the clock's time: a ticket that now starts a step
	// starts it from this change (auto.go).
	return s.ID, savedStatusStep(ctx, q, tenantID, prev, s, time.Now())
}

// ErrLastResolved refuses a change that would leave the tenant no active status of
// kind resolved (Status.Required): another admin retired the other one meanwhile.
var ErrLastResolved = errors.New("ticket: no active status of kind resolved would be left")

// lockResolved locks the tenant's statuses of kind resolved until the transaction
// ends, with an update that changes nothing (portable: SQLite has no SELECT … FOR
// UPDATE, and its write transactions take the database's lock anyway). Two admins
// retiring one each of the last two then take turns on PostgreSQL too, and the second
// one's count sees the first one's change, where each would otherwise see the other's
// status still active and both would pass.
func lockResolved(ctx context.Context, q db.Querier, tenantID int64) error {
	if _, err := q.Exec(ctx, `UPDATE ticket_statuses SET active = active WHERE tenant_id = ? AND kind = ?`,
		tenantID, KindResolved); err != nil {
		return fmt.Errorf("ticket: lock resolved statuses: %w", err)
	}
	return nil
}

// Every new tenant starts with the default statuses.
func init() { tenant.OnCreate(SeedDefaults) }
