package staff

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Bounds of a signature: a few lines of plain text (name, role, phone), not a letter.
const (
	MaxSignature      = 500
	MaxSignatureLines = 8
)

// Signature loads the member's signature ("" when none is set).
func Signature(ctx context.Context, q db.Querier, tenantID, id int64) (string, error) {
	var s string
	err := q.QueryRow(ctx, `SELECT signature FROM staff WHERE tenant_id = ? AND id = ?`, tenantID, id).Scan(&s)
	if err = db.One(err); err != nil {
		return "", fmt.Errorf("staff: signature: %w", err)
	}
	return s, nil
}

// NormalSignature tidies a signature as typed: line ends unified, trailing spaces of
// each line and blank lines around it removed.
func NormalSignature(s string) string {
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// CheckSignature validates a normalised signature; the error is keyed "signature".
func CheckSignature(s string) validate.Errors {
	e := validate.Errors{}
	e.MaxLen("signature", s, MaxSignature)
	if strings.Count(s, "\n")+1 > MaxSignatureLines {
		e.Add("signature", "signature.error.lines", map[string]any{"Max": MaxSignatureLines})
	}
	return e
}

// SetSignature stores the member's signature ("" removes it).
func SetSignature(ctx context.Context, q db.Querier, tenantID, id int64, s string) error {
	res, err := q.Exec(ctx, `UPDATE staff SET signature = ? WHERE tenant_id = ? AND id = ?`, s, tenantID, id)
	if err != nil {
		return fmt.Errorf("staff: set signature: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// Signed is a public reply's text with the signature below it, after a blank line; an
// empty signature leaves the text as it is.
func Signed(body, signature string) string {
	if signature == "" {
		return body
	}
	return body + "\n\n" + signature
}
