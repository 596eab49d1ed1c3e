// Package passkey stores contacts' passkeys (WebAuthn credentials) and the server side
// of running WebAuthn ceremonies, and builds the relying party for a request. The rules
// around it (who may add or remove one, mails, audit, sessions) live in package access.
package passkey

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"pforte/internal/db"
)

// Audit actions of passkeys (shown to the contact on the account page and to staff).
const (
	ActionAdded   = "passkey_added"
	ActionRemoved = "passkey_removed"
	ActionRenamed = "passkey_renamed"
	ActionLogin   = "login_passkey"
)

// NameMax is the longest name a passkey may have.
const NameMax = 100

// Passkey is one stored credential of a contact.
type Passkey struct {
	ID           int64
	TenantID     int64
	ContactID    int64
	CredentialID []byte
	UserHandle   []byte
	RPID         string
	Name         string
	PublicKey    []byte
	SignCount    uint32
	Transports   []string
	AAGUID       []byte
	AttType      string
	AttFormat    string
	Flags        byte
	CreatedAt    time.Time
	LastUsedAt   time.Time // zero: never used
}

var b64 = base64.RawURLEncoding

// Credential turns the stored row back into what the WebAuthn library verifies against.
func (p Passkey) Credential() webauthn.Credential {
	ts := make([]protocol.AuthenticatorTransport, len(p.Transports))
	for i, t := range p.Transports {
		ts[i] = protocol.AuthenticatorTransport(t)
	}
	return webauthn.Credential{ID: p.CredentialID, PublicKey: p.PublicKey, AttestationType: p.AttType,
		AttestationFormat: p.AttFormat, Transport: ts, Flags: webauthn.CredentialFlagsFromMsgpByte(p.Flags),
		Authenticator: webauthn.Authenticator{AAGUID: p.AAGUID, SignCount: p.SignCount}}
}

// FromCredential fills a new passkey from a freshly registered credential.
func FromCredential(c *webauthn.Credential) Passkey {
	p := Passkey{CredentialID: c.ID, PublicKey: c.PublicKey, SignCount: c.Authenticator.SignCount,
		AAGUID: c.Authenticator.AAGUID, AttType: c.AttestationType, AttFormat: c.AttestationFormat,
		Flags: c.Flags.MsgpByte()}
	for _, t := range c.Transport {
		p.Transports = append(p.Transports, string(t))
	}
	return p
}

const columns = `id, tenant_id, contact_id, credential_id, user_handle, rp_id, name, public_key, sign_count,
	transports, aaguid, attestation_type, attestation_format, flags, created_at, last_used_at`

func scan(row interface{ Scan(...any) error }) (Passkey, error) {
	var p Passkey
	var cred, handle, pub, transports, aaguid string
	var created int64
	var used *int64
	err := row.Scan(&p.ID, &p.TenantID, &p.ContactID, &cred, &handle, &p.RPID, &p.Name, &pub, &p.SignCount,
		&transports, &aaguid, &p.AttType, &p.AttFormat, &p.Flags, &created, &used)
	if err != nil {
		return p, db.One(err)
	}
	if p.CredentialID, err = b64.DecodeString(cred); err != nil {
		return p, fmt.Errorf("passkey: credential id: %w", err)
	}
	if p.UserHandle, err = b64.DecodeString(handle); err != nil {
		return p, fmt.Errorf("passkey: user handle: %w", err)
	}
	if p.PublicKey, err = b64.DecodeString(pub); err != nil {
		return p, fmt.Errorf("passkey: public key: %w", err)
	}
	if p.AAGUID, err = hex.DecodeString(aaguid); err != nil {
		return p, fmt.Errorf("passkey: aaguid: %w", err)
	}
	if transports != "" {
		p.Transports = strings.Split(transports, ",")
	}
	p.CreatedAt = time.Unix(created, 0)
	if used != nil {
		p.LastUsedAt = time.Unix(*used, 0)
	}
	return p, nil
}

// Insert stores a new passkey; a credential id registered before is a unique violation.
func Insert(ctx context.Context, q db.Querier, p Passkey, now time.Time) (int64, error) {
	id, err := db.Insert(ctx, q, `INSERT INTO passkeys (tenant_id, contact_id, credential_id, user_handle, rp_id, name,
		public_key, sign_count, transports, aaguid, attestation_type, attestation_format, flags, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.TenantID, p.ContactID, b64.EncodeToString(p.CredentialID),
		b64.EncodeToString(p.UserHandle), p.RPID, p.Name, b64.EncodeToString(p.PublicKey), int64(p.SignCount),
		strings.Join(p.Transports, ","), hex.EncodeToString(p.AAGUID), p.AttType, p.AttFormat, int(p.Flags), now.Unix())
	if err != nil {
		return 0, fmt.Errorf("passkey: insert: %w", err)
	}
	return id, nil
}

// ForContact lists a contact's passkeys, oldest first.
func ForContact(ctx context.Context, q db.Querier, tenantID, contactID int64) ([]Passkey, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM passkeys WHERE tenant_id = ? AND contact_id = ? ORDER BY id`,
		tenantID, contactID)
	if err != nil {
		return nil, fmt.Errorf("passkey: list: %w", err)
	}
	defer rows.Close()
	var out []Passkey
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Get loads one of the contact's passkeys; another contact's is ErrNotFound.
func Get(ctx context.Context, q db.Querier, tenantID, contactID, id int64) (Passkey, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM passkeys WHERE id = ? AND tenant_id = ? AND contact_id = ?`,
		id, tenantID, contactID))
}

// ByCredentialID finds the passkey a login assertion names, within the tenant.
func ByCredentialID(ctx context.Context, q db.Querier, tenantID int64, credID []byte) (Passkey, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM passkeys WHERE credential_id = ? AND tenant_id = ?`,
		b64.EncodeToString(credID), tenantID))
}

// Rename changes a passkey's name; ErrNotFound unless it is the contact's own.
func Rename(ctx context.Context, q db.Querier, tenantID, contactID, id int64, name string) error {
	return affected(q.Exec(ctx, `UPDATE passkeys SET name = ? WHERE id = ? AND tenant_id = ? AND contact_id = ?`,
		name, id, tenantID, contactID))
}

// Delete removes a passkey; ErrNotFound unless it is the contact's own.
func Delete(ctx context.Context, q db.Querier, tenantID, contactID, id int64) error {
	return affected(q.Exec(ctx, `DELETE FROM passkeys WHERE id = ? AND tenant_id = ? AND contact_id = ?`,
		id, tenantID, contactID))
}

// Used records a successful login: the authenticator's new signature counter and when.
func Used(ctx context.Context, q db.Querier, id int64, signCount uint32, flags byte, now time.Time) error {
	_, err := q.Exec(ctx, `UPDATE passkeys SET sign_count = ?, flags = ?, last_used_at = ? WHERE id = ?`,
		int64(signCount), int(flags), now.Unix(), id)
	return err
}

func affected(res interface{ RowsAffected() (int64, error) }, err error) error {
	if err != nil {
		return fmt.Errorf("passkey: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return db.ErrNotFound
	}
	return nil
}
