package mailtmpl

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Get loads the tenant's own text of a mail in lang; db.ErrNotFound when the tenant uses
// the built-in one.
func Get(ctx context.Context, q db.Querier, tenantID int64, key, lang string) (Text, error) {
	var t Text
	err := q.QueryRow(ctx, `SELECT subject, greeting, body, button FROM mail_templates
		WHERE tenant_id = ? AND mail_key = ? AND lang = ?`, tenantID, key, lang).Scan(&t.Subject, &t.Greeting, &t.Body, &t.Button)
	return t, db.One(err)
}

// Save stores the tenant's own text of a mail in lang, replacing an earlier one. The
// text must have passed Check.
func Save(ctx context.Context, q db.Querier, tenantID int64, key, lang string, t Text, by string, now time.Time) error {
	_, err := q.Exec(ctx, `INSERT INTO mail_templates (tenant_id, mail_key, lang, subject, greeting, body, button,
		updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (tenant_id, mail_key, lang) DO UPDATE SET subject = excluded.subject, greeting = excluded.greeting,
		body = excluded.body, button = excluded.button, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		tenantID, key, lang, t.Subject, t.Greeting, t.Body, t.Button, now.Unix(), by)
	if err != nil {
		return fmt.Errorf("mailtmpl: save: %w", err)
	}
	return nil
}

// Delete drops the tenant's own text, so the built-in one applies again; it reports
// whether there was one.
func Delete(ctx context.Context, q db.Querier, tenantID int64, key, lang string) (bool, error) {
	res, err := q.Exec(ctx, `DELETE FROM mail_templates WHERE tenant_id = ? AND mail_key = ? AND lang = ?`, tenantID, key, lang)
	if err != nil {
		return false, fmt.Errorf("mailtmpl: delete: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Change is when and by whom a tenant's text was last saved.
type Change struct {
	At time.Time
	By string
}

// Customised lists the tenant's own texts by mail key and language.
func Customised(ctx context.Context, q db.Querier, tenantID int64) (map[[2]string]Change, error) {
	rows, err := q.Query(ctx, `SELECT mail_key, lang, updated_at, updated_by FROM mail_templates WHERE tenant_id = ?`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("mailtmpl: list: %w", err)
	}
	defer rows.Close()
	out := map[[2]string]Change{}
	for rows.Next() {
		var key, lang, by string
		var at int64
		if err := rows.Scan(&key, &lang, &at, &by); err != nil {
			return nil, fmt.Errorf("mailtmpl: list: %w", err)
		}
		out[[2]string{key, lang}] = Change{At: time.Unix(at, 0), By: by}
	}
	return out, rows.Err()
}
