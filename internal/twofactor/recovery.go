package twofactor

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// RecoveryCount is how many recovery codes a contact gets at a time.
const RecoveryCount = 10

// recoveryAlphabet leaves out letters and digits that are easily confused (0/o, 1/l/i).
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

var base32NoPad = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewRecoveryCodes returns fresh codes in the form "abcde-fghjk" (about 49 bits each).
func NewRecoveryCodes() []string {
	out := make([]string, RecoveryCount)
	for i := range out {
		b := make([]byte, 0, 10)
		one := make([]byte, 1)
		for len(b) < 10 {
			rand.Read(one)
			// Only bytes below the largest multiple of the alphabet size, so every
			// character is equally likely.
			if n := int(one[0]); n < 256-256%len(recoveryAlphabet) {
				b = append(b, recoveryAlphabet[n%len(recoveryAlphabet)])
			}
		}
		out[i] = string(b[:5]) + "-" + string(b[5:])
	}
	return out
}

// NormalizeRecovery lowercases a typed recovery code and drops spaces and dashes; it
// returns "" when the result cannot be a recovery code.
func NormalizeRecovery(s string) string {
	s = strings.ToLower(strings.NewReplacer(" ", "", "-", "").Replace(s))
	if len(s) != 10 {
		return ""
	}
	for _, r := range s {
		if !strings.ContainsRune(recoveryAlphabet, r) {
			return ""
		}
	}
	return s
}

// ReplaceRecoveryCodes drops the owner's recovery codes and stores the given hashes.
func (o Owner) ReplaceRecoveryCodes(ctx context.Context, q db.Querier, tenantID, id int64, hashes []string, now time.Time) error {
	if _, err := q.Exec(ctx, `DELETE FROM `+o.codes+` WHERE tenant_id = ? AND `+o.col+` = ?`, tenantID, id); err != nil {
		return fmt.Errorf("twofactor: drop recovery codes: %w", err)
	}
	for _, h := range hashes {
		if _, err := q.Exec(ctx, `INSERT INTO `+o.codes+` (tenant_id, `+o.col+`, hash, created_at) VALUES (?, ?, ?, ?)`,
			tenantID, id, h, now.Unix()); err != nil {
			return fmt.Errorf("twofactor: store recovery code: %w", err)
		}
	}
	return nil
}

// UseRecoveryCode marks the owner's unused code with this hash used and reports whether
// there was one. The conditional update makes a code work exactly once, even when two
// requests race.
func (o Owner) UseRecoveryCode(ctx context.Context, q db.Querier, tenantID, id int64, hash string, now time.Time) (bool, error) {
	res, err := q.Exec(ctx, `UPDATE `+o.codes+` SET used_at = ? WHERE tenant_id = ? AND `+o.col+` = ? AND hash = ?
		AND used_at IS NULL`, now.Unix(), tenantID, id, hash)
	if err != nil {
		return false, fmt.Errorf("twofactor: use recovery code: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// RecoveryLeft counts the owner's unused recovery codes.
func (o Owner) RecoveryLeft(ctx context.Context, q db.Querier, tenantID, id int64) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM `+o.codes+` WHERE tenant_id = ? AND `+o.col+` = ? AND used_at IS NULL`,
		tenantID, id).Scan(&n)
	return n, err
}
