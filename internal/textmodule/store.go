package textmodule

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

const columns = `id, tenant_id, name, shortcut, body, language, active, updated_at`

func scan(row interface{ Scan(...any) error }) (Module, error) {
	var m Module
	var at int64
	err := row.Scan(&m.ID, &m.TenantID, &m.Name, &m.Shortcut, &m.Body, &m.Language, &m.Active, &at)
	m.UpdatedAt = time.Unix(at, 0)
	return m, db.One(err)
}

func scanAll(rows *sql.Rows, err error) ([]Module, error) {
	if err != nil {
		return nil, fmt.Errorf("textmodule: list: %w", err)
	}
	defer rows.Close()
	var out []Module
	for rows.Next() {
		m, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("textmodule: list: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// List returns all of the tenant's modules by name, inactive ones included (the
// management page). A tenant keeps tens of modules, not thousands.
func List(ctx context.Context, q db.Querier, tenantID int64) ([]Module, error) {
	return scanAll(q.Query(ctx, `SELECT `+columns+` FROM text_modules WHERE tenant_id = ?
		ORDER BY name_key, id`, tenantID))
}

// ForLanguage returns the tenant's active modules for an answer in lang: those written
// in lang first, then those for any language, then the rest (a contact set to German
// may still be answered in English), each group by name.
func ForLanguage(ctx context.Context, q db.Querier, tenantID int64, lang string) ([]Module, error) {
	return scanAll(q.Query(ctx, `SELECT `+columns+` FROM text_modules WHERE tenant_id = ? AND active
		ORDER BY CASE WHEN language = ? THEN 0 WHEN language = '' THEN 1 ELSE 2 END, language, name_key, id`,
		tenantID, lang))
}

// Get loads one module of the tenant; another tenant's is db.ErrNotFound.
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (Module, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM text_modules WHERE tenant_id = ? AND id = ?`, tenantID, id))
}

// Save validates m (normalised first) and adds it (ID 0) or changes the tenant's
// module m.ID. Field errors come back as validate.Errors, among them a name or
// shortcut another module of the tenant has; a missing module is db.ErrNotFound.
func Save(ctx context.Context, q db.Querier, m Module, languages []string, now time.Time) (Module, error) {
	m = m.Normal()
	if m.ID != 0 { // another tenant's id is not found, before anything about its input
		if _, err := Get(ctx, q, m.TenantID, m.ID); err != nil {
			return m, err
		}
	}
	e := m.Check(languages)
	if err := taken(ctx, q, m, e); err != nil {
		return m, err
	}
	if e.Any() {
		return m, e
	}
	var err error
	if m.ID == 0 {
		m.ID, err = db.Insert(ctx, q, `INSERT INTO text_modules (tenant_id, name, name_key, shortcut, body, language, active,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.TenantID, m.Name, nameKey(m.Name), m.Shortcut, m.Body, m.Language, m.Active, now.Unix(), now.Unix())
	} else {
		var res sql.Result
		res, err = q.Exec(ctx, `UPDATE text_modules SET name = ?, name_key = ?, shortcut = ?, body = ?, language = ?,
			active = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
			m.Name, nameKey(m.Name), m.Shortcut, m.Body, m.Language, m.Active, now.Unix(), m.TenantID, m.ID)
		if err == nil {
			if n, _ := res.RowsAffected(); n == 0 {
				return m, db.ErrNotFound
			}
		}
	}
	if db.IsUnique(err) { // saved by someone else a moment ago
		return m, validate.Errors{"name": {ID: "text_modules.error.taken"}}
	}
	if err != nil {
		return m, fmt.Errorf("textmodule: save: %w", err)
	}
	m.UpdatedAt = time.Unix(now.Unix(), 0)
	return m, nil
}

// taken adds an error to e for a name or shortcut another module of the tenant has.
func taken(ctx context.Context, q db.Querier, m Module, e validate.Errors) error {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM text_modules WHERE tenant_id = ? AND id <> ? AND name_key = ?`,
		m.TenantID, m.ID, nameKey(m.Name)).Scan(&n)
	if err != nil {
		return fmt.Errorf("textmodule: name taken: %w", err)
	}
	if n > 0 {
		e.Add("name", "text_modules.error.taken", nil)
	}
	if m.Shortcut == "" {
		return nil
	}
	err = q.QueryRow(ctx, `SELECT COUNT(*) FROM text_modules WHERE tenant_id = ? AND id <> ? AND shortcut = ?`,
		m.TenantID, m.ID, m.Shortcut).Scan(&n)
	if err != nil {
		return fmt.Errorf("textmodule: shortcut taken: %w", err)
	}
	if n > 0 {
		e.Add("shortcut", "text_modules.error.shortcut_taken", nil)
	}
	return nil
}

// Delete removes one of the tenant's modules; another tenant's is db.ErrNotFound.
// Replies it was inserted into keep their text.
func Delete(ctx context.Context, q db.Querier, tenantID, id int64) error {
	res, err := q.Exec(ctx, `DELETE FROM text_modules WHERE tenant_id = ? AND id = ?`, tenantID, id)
	if err != nil {
		return fmt.Errorf("textmodule: delete: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// SetActive offers (true) or withdraws one of the tenant's modules; another tenant's
// is db.ErrNotFound.
func SetActive(ctx context.Context, q db.Querier, tenantID, id int64, active bool, now time.Time) error {
	res, err := q.Exec(ctx, `UPDATE text_modules SET active = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		active, now.Unix(), tenantID, id)
	if err != nil {
		return fmt.Errorf("textmodule: set active: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}
