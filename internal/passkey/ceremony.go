package passkey

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/go-webauthn/webauthn/webauthn"

	"pforte/internal/db"
)

// Ceremony kinds.
const (
	KindRegister = "register"
	KindLogin    = "login"
)

// CeremonyTTL is how long a begun ceremony can be finished: long enough to find and
// touch a security key, short enough that a leaked challenge is soon worthless.
const CeremonyTTL = 3 * time.Minute

// MaxOpenPerIP bounds the unfinished ceremonies one address may hold, so the public
// login begin endpoint cannot be used to fill the table.
const MaxOpenPerIP = 30

// ErrCeremony means there is no live ceremony for the answer: unknown, used, expired,
// or begun by someone else. One error for all, so the answer tells nothing more.
var ErrCeremony = errors.New("passkey: no such ceremony (expired or used)")

// ErrTooMany means the address holds too many unfinished ceremonies.
var ErrTooMany = errors.New("passkey: too many open ceremonies")

// Ceremony is the server side of a begun ceremony.
type Ceremony struct {
	TenantID  int64
	Kind      string
	ContactID int64 // registration: who is adding a passkey
	SessionID int64 // registration: in which session
	Session   webauthn.SessionData
	IP        string
}

func challengeHash(challenge string) string {
	h := sha256.Sum256([]byte(challenge))
	return hex.EncodeToString(h[:])
}

// Begin stores a ceremony until CeremonyTTL from now. Expired ceremonies are swept on
// the way, so the table holds only live ones.
func Begin(ctx context.Context, d *db.DB, c Ceremony, now time.Time) error {
	data, err := json.Marshal(c.Session)
	if err != nil {
		return fmt.Errorf("passkey: ceremony data: %w", err)
	}
	return d.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM passkey_ceremonies WHERE expires_at < ?`, now.Unix()); err != nil {
			return fmt.Errorf("passkey: sweep: %w", err)
		}
		var open int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM passkey_ceremonies WHERE ip = ?`, c.IP).Scan(&open); err != nil {
			return fmt.Errorf("passkey: count: %w", err)
		}
		if open >= MaxOpenPerIP {
			return ErrTooMany
		}
		_, err := tx.Exec(ctx, `INSERT INTO passkey_ceremonies (tenant_id, kind, challenge_hash, contact_id, session_id,
			data, ip, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.TenantID, c.Kind, challengeHash(c.Session.Challenge),
			nullID(c.ContactID), nullID(c.SessionID), string(data), c.IP, now.Add(CeremonyTTL).Unix())
		if err != nil {
			return fmt.Errorf("passkey: begin: %w", err)
		}
		return nil
	})
}

// Take removes and returns the live ceremony that handed out challenge. The delete is
// what makes a challenge single use: of two answers racing with the same challenge,
// only one gets the row, on either engine and across instances.
func Take(ctx context.Context, q db.Querier, tenantID int64, kind, challenge string, now time.Time) (Ceremony, error) {
	c := Ceremony{TenantID: tenantID, Kind: kind}
	var contactID, sessionID *int64
	var data string
	var exp int64
	err := q.WriteRow(ctx, `DELETE FROM passkey_ceremonies WHERE challenge_hash = ? AND tenant_id = ? AND kind = ?
		RETURNING contact_id, session_id, data, ip, expires_at`, challengeHash(challenge), tenantID, kind).
		Scan(&contactID, &sessionID, &data, &c.IP, &exp)
	if err = db.One(err); errors.Is(err, db.ErrNotFound) {
		return c, ErrCeremony
	} else if err != nil {
		return c, fmt.Errorf("passkey: take: %w", err)
	}
	if now.Unix() >= exp {
		return c, ErrCeremony
	}
	if contactID != nil {
		c.ContactID = *contactID
	}
	if sessionID != nil {
		c.SessionID = *sessionID
	}
	if err := json.Unmarshal([]byte(data), &c.Session); err != nil {
		return c, fmt.Errorf("passkey: ceremony data: %w", err)
	}
	return c, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
