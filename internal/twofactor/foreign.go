package twofactor

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"pforte/internal/db"
)

// Owns reports whether sealed was sealed with this keyring's key. A secret sealed with
// another key cannot be opened, and the recovery codes stored beside it were hashed
// with that other key too.
func (k *Keyring) Owns(sealed string) bool {
	return strings.HasPrefix(sealed, "v1:"+k.id+":")
}

// ForeignSecrets counts the switched-on TOTP secrets of contacts and staff that were
// sealed with another key than k's: after a restore or a move into a data directory
// without the old secret.key (and without PFORTE_SECRET_KEY), every one of those people
// is locked out of two-factor sign-in until the old key is back. serve logs the count
// at start, so the operator learns it before the first sign-in fails.
func ForeignSecrets(ctx context.Context, q db.Querier, k *Keyring) (int, error) {
	total := 0
	for _, o := range []Owner{Contacts, Staff} {
		var n int
		// The key id is hex, so it holds no LIKE wildcards.
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM `+o.totp+` WHERE enabled_at IS NOT NULL AND secret NOT LIKE ?`,
			"v1:"+k.id+":%").Scan(&n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// PresentKey returns the key LoadKey would use without making one: the configured key,
// else the data directory's key file; ok is false when neither exists (serve would
// create a fresh key, which opens none of the secrets already stored).
func PresentKey(configured, dataDir string) (key []byte, ok bool) {
	if configured != "" {
		return []byte(configured), true
	}
	b, err := os.ReadFile(filepath.Join(dataDir, KeyFile))
	if err != nil {
		return nil, false
	}
	return []byte(strings.TrimSpace(string(b))), true
}
