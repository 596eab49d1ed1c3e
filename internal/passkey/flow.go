package passkey

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"pforte/internal/db"
)

// Errors of finishing a ceremony, besides ErrCeremony.
var (
	// ErrBadInput: the answer is not a WebAuthn response at all.
	ErrBadInput = errors.New("passkey: malformed response")
	// ErrRejected: a well-formed answer that does not verify (unknown credential,
	// wrong signature, wrong origin, replayed counter).
	ErrRejected = errors.New("passkey: response rejected")
)

// Owner is the contact a registration is for.
type Owner struct {
	TenantID, ContactID, SessionID int64
	Email, Name                    string
}

// BeginRegistration starts adding a passkey for the owner and returns the options for
// navigator.credentials.create. The owner's existing passkeys are excluded, so the same
// authenticator is not registered twice.
func BeginRegistration(ctx context.Context, d *db.DB, rp RelyingParty, o Owner, ip string, now time.Time) ([]byte, error) {
	wa, err := rp.webAuthn()
	if err != nil {
		return nil, err
	}
	existing, err := ForContact(ctx, d, o.TenantID, o.ContactID)
	if err != nil {
		return nil, err
	}
	u := &user{name: o.Email, display: o.Name}
	var exclude []protocol.CredentialDescriptor
	for _, p := range existing {
		u.handle = p.UserHandle
		c := p.Credential()
		exclude = append(exclude, c.Descriptor())
	}
	if u.handle == nil { // the first passkey: a random handle, no personal data in it
		u.handle = make([]byte, 32)
		rand.Read(u.handle)
	}
	creation, sess, err := wa.BeginRegistration(u, webauthn.WithExclusions(exclude))
	if err != nil {
		return nil, fmt.Errorf("passkey: begin registration: %w", err)
	}
	c := Ceremony{TenantID: o.TenantID, Kind: KindRegister, ContactID: o.ContactID, SessionID: o.SessionID, Session: *sess, IP: ip}
	if err := Begin(ctx, d, c, now); err != nil {
		return nil, err
	}
	return json.Marshal(creation)
}

// FinishRegistration checks the browser's answer to a registration the same owner began
// in the same session, and returns the new passkey (not yet stored, without a name).
func FinishRegistration(ctx context.Context, d *db.DB, rp RelyingParty, o Owner, body []byte, now time.Time) (Passkey, error) {
	parsed, err := protocol.ParseCredentialCreationResponseBytes(body)
	if err != nil {
		return Passkey{}, fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	c, err := Take(ctx, d, o.TenantID, KindRegister, parsed.Response.CollectedClientData.Challenge, now)
	if err != nil {
		return Passkey{}, err
	}
	if c.ContactID != o.ContactID || c.SessionID != o.SessionID {
		return Passkey{}, ErrCeremony
	}
	wa, err := rp.webAuthn()
	if err != nil {
		return Passkey{}, err
	}
	u := &user{handle: c.Session.UserID, name: o.Email, display: o.Name}
	cred, err := wa.CreateCredential(u, c.Session, parsed)
	if err != nil {
		return Passkey{}, fmt.Errorf("%w: %v", ErrRejected, err)
	}
	p := FromCredential(cred)
	p.TenantID, p.ContactID, p.UserHandle, p.RPID = o.TenantID, o.ContactID, c.Session.UserID, rp.ID
	return p, nil
}

// BeginLogin starts a passkey login of an unknown person (discoverable credentials:
// the authenticator offers the passkeys it holds for this host) and returns the
// options for navigator.credentials.get.
func BeginLogin(ctx context.Context, d *db.DB, rp RelyingParty, tenantID int64, ip string, now time.Time) ([]byte, error) {
	wa, err := rp.webAuthn()
	if err != nil {
		return nil, err
	}
	assertion, sess, err := wa.BeginDiscoverableLogin(webauthn.WithUserVerification(protocol.VerificationRequired))
	if err != nil {
		return nil, fmt.Errorf("passkey: begin login: %w", err)
	}
	if err := Begin(ctx, d, Ceremony{TenantID: tenantID, Kind: KindLogin, Session: *sess, IP: ip}, now); err != nil {
		return nil, err
	}
	return json.Marshal(assertion)
}

// Assertion is a verified login: the passkey used, with its new counter and flags.
type Assertion struct {
	Passkey   Passkey
	SignCount uint32
	Flags     byte
}

// FinishLogin verifies the browser's answer to a login ceremony of this tenant. The
// passkey must belong to the tenant, have been made for this host name and carry the
// user handle it was registered with. The credential id of a failed attempt is returned
// as far as it was recognised, so the failure can be shown to its owner.
func FinishLogin(ctx context.Context, d *db.DB, rp RelyingParty, tenantID int64, body []byte, now time.Time) (Assertion, error) {
	parsed, err := protocol.ParseCredentialRequestResponseBytes(body)
	if err != nil {
		return Assertion{}, fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	c, err := Take(ctx, d, tenantID, KindLogin, parsed.Response.CollectedClientData.Challenge, now)
	if err != nil {
		return Assertion{}, err
	}
	wa, err := rp.webAuthn()
	if err != nil {
		return Assertion{}, err
	}
	var found Passkey
	lookup := func(rawID, handle []byte) (webauthn.User, error) {
		p, err := ByCredentialID(ctx, d, tenantID, rawID)
		if err != nil {
			return nil, err
		}
		if p.RPID != rp.ID || !bytes.Equal(p.UserHandle, handle) {
			return nil, db.ErrNotFound
		}
		found = p
		return &user{handle: p.UserHandle, creds: []webauthn.Credential{p.Credential()}}, nil
	}
	_, cred, err := wa.ValidatePasskeyLogin(lookup, c.Session, parsed)
	if err != nil {
		return Assertion{Passkey: found}, fmt.Errorf("%w: %v", ErrRejected, err)
	}
	if cred.Authenticator.CloneWarning { // the counter went backwards: a copied key
		return Assertion{Passkey: found}, fmt.Errorf("%w: signature counter did not increase", ErrRejected)
	}
	return Assertion{Passkey: found, SignCount: cred.Authenticator.SignCount, Flags: cred.Flags.MsgpByte()}, nil
}
