package company

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// NoteMax is the longest note staff may keep on a company, in characters.
const NoteMax = 2000

// Note is staff's internal note on a company: what colleagues should know before they
// answer it. It is read only by back-office code (GetNote); the Company the portal
// loads does not carry it, so no portal page, mail or export can show it.
type Note struct {
	Text string
	By   string    // the staff member who changed it last; empty when they are gone
	At   time.Time // zero while nobody wrote one
}

// GetNote loads the note of company id of the tenant; another tenant's company is
// db.ErrNotFound.
func GetNote(ctx context.Context, q db.Querier, tenantID, id int64) (Note, error) {
	var n Note
	var by sql.NullString
	var at sql.NullInt64
	err := q.QueryRow(ctx, `SELECT c.staff_note, s.name, c.staff_note_at FROM companies c
		LEFT JOIN staff s ON s.id = c.staff_note_by AND s.tenant_id = c.tenant_id
		WHERE c.tenant_id = ? AND c.id = ?`, tenantID, id).Scan(&n.Text, &by, &at)
	if err = db.One(err); err != nil {
		return Note{}, err
	}
	n.By = by.String
	if at.Valid {
		n.At = time.Unix(at.Int64, 0)
	}
	return n, nil
}

// SetNote replaces the note of company id with text (several lines; trimmed; empty
// removes it) by staff member staffID. Too long a note is refused as
// validate.Errors on field "note".
func SetNote(ctx context.Context, q db.Querier, tenantID, id, staffID int64, text string, now time.Time) error {
	text = strings.TrimSpace(validate.StripOverrides(validate.Clean(strings.ReplaceAll(text, "\r\n", "\n"))))
	e := validate.Errors{}
	e.MaxLen("note", text, NoteMax)
	if e.Any() {
		return e
	}
	res, err := q.Exec(ctx, `UPDATE companies SET staff_note = ?, staff_note_by = ?, staff_note_at = ?
		WHERE tenant_id = ? AND id = ?`, text, staffID, now.Unix(), tenantID, id)
	if err != nil {
		return fmt.Errorf("company: set note: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}
