package company

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Errors of Archive and Restore when the company is already in the state asked for
// (two staff members, or a form sent twice); RequireLive refuses with ErrArchived too.
var (
	ErrArchived    = errors.New("company: already archived")
	ErrNotArchived = errors.New("company: not archived")
)

// ArchiveInfo says when and by whom a company was archived.
type ArchiveInfo struct {
	At time.Time // zero: not archived
	By string    // the staff member; empty when they are gone
}

// GetArchive loads the archive state of company id of the tenant; another tenant's
// company is db.ErrNotFound.
func GetArchive(ctx context.Context, q db.Querier, tenantID, id int64) (ArchiveInfo, error) {
	var a ArchiveInfo
	var by sql.NullString
	var at sql.NullInt64
	err := q.QueryRow(ctx, `SELECT c.archived_at, s.name FROM companies c
		LEFT JOIN staff s ON s.id = c.archived_by AND s.tenant_id = c.tenant_id
		WHERE c.tenant_id = ? AND c.id = ?`, tenantID, id).Scan(&at, &by)
	if err = db.One(err); err != nil {
		return ArchiveInfo{}, err
	}
	if at.Valid {
		a.At, a.By = time.Unix(at.Int64, 0), by.String
	}
	return a, nil
}

// Archive marks company id archived by staff member staffID. Memberships keep their
// access state: the access checks leave archived companies out, so Restore gives back
// exactly what there was. The caller ends the sessions acting for the company in the
// same transaction. ErrArchived when it already is.
func Archive(ctx context.Context, q db.Querier, tenantID, id, staffID int64, now time.Time) error {
	return setArchived(ctx, q, tenantID, id, `archived_at = ?, archived_by = ?`, `archived_at IS NULL`, ErrArchived,
		now.Unix(), staffID)
}

// Restore takes company id out of the archive. ErrNotArchived when it is not archived.
func Restore(ctx context.Context, q db.Querier, tenantID, id int64) error {
	return setArchived(ctx, q, tenantID, id, `archived_at = NULL, archived_by = NULL`, `archived_at IS NOT NULL`,
		ErrNotArchived)
}

// setArchived updates the company if it is in state cond; no row tells apart an
// unknown company (db.ErrNotFound) and one in the other state (wrong).
func setArchived(ctx context.Context, q db.Querier, tenantID, id int64, set, cond string, wrong error, args ...any) error {
	res, err := q.Exec(ctx, `UPDATE companies SET `+set+` WHERE tenant_id = ? AND id = ? AND `+cond,
		append(args, tenantID, id)...)
	if err != nil {
		return fmt.Errorf("company: archive: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	if _, err := Get(ctx, q, tenantID, id); err != nil {
		return err
	}
	return wrong
}

// Impact is what archiving a company takes from its contacts.
type Impact struct {
	Contacts   int // contacts with portal access to the company, who lose it
	KeepOthers int // of them, those who keep access to another company
	Invited    int // open invitations to the company: their links open nothing until a restore
}

// ImpactOf counts what archiving company id changes for its contacts.
func ImpactOf(ctx context.Context, q db.Querier, tenantID, id int64) (Impact, error) {
	var i Impact
	err := q.QueryRow(ctx, `SELECT COALESCE(SUM(CASE WHEN m.access = 'active' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN m.access = 'active' AND EXISTS (SELECT 1 FROM memberships o
			JOIN companies oc ON oc.id = o.company_id AND oc.archived_at IS NULL
			WHERE o.tenant_id = m.tenant_id AND o.contact_id = m.contact_id AND o.company_id <> m.company_id
			AND o.access = 'active') THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN m.access = 'invited' THEN 1 ELSE 0 END), 0)
		FROM memberships m WHERE m.tenant_id = ? AND m.company_id = ? AND m.access IN ('active', 'invited')`,
		tenantID, id).Scan(&i.Contacts, &i.KeepOthers, &i.Invited)
	if err != nil {
		return i, fmt.Errorf("company: archive impact: %w", err)
	}
	return i, nil
}
