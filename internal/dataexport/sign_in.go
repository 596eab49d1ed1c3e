package dataexport

import (
	"context"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/passkey"
	"pforte/internal/session"
	"pforte/internal/twofactor"
)

// exportSession is a browser the contact is signed in with, as the account page lists
// it ("where you are signed in"): the address and browser stored with it are the
// contact's personal data. A staff preview of the portal as the contact is staff's
// session and not listed (session.Owner).
type exportSession struct {
	StartedAt  time.Time `json:"started_at"`
	LastUsedAt time.Time `json:"last_used_at"`
	IP         string    `json:"ip"`
	Browser    string    `json:"browser"`
}

// exportPasskey is one of the contact's passkeys by its name and dates; the credential
// and its public key are sign-in material, not something the contact wrote.
type exportPasskey struct {
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
}

// signIn is how the contact signs in, read before the file starts (small: at most
// session.MaxListed sessions and a few passkeys). Never the secret of the authenticator
// app nor the recovery codes: the export says only whether it is on.
type signIn struct {
	sessions  []exportSession
	passkeys  []exportPasskey
	twoFactor bool
}

func readSignIn(ctx context.Context, q db.Querier, c contact.Contact, now time.Time) (signIn, error) {
	var out signIn
	active, err := session.ListActive(ctx, q, session.Owner{TenantID: c.TenantID, ContactID: c.ID}, 0, now)
	if err != nil {
		return out, err
	}
	for _, a := range active {
		out.sessions = append(out.sessions, exportSession{a.CreatedAt.UTC(), a.LastSeen.UTC(), a.IP, a.UserAgent})
	}
	keys, err := passkey.ForContact(ctx, q, c.TenantID, c.ID)
	if err != nil {
		return out, err
	}
	for _, k := range keys {
		e := exportPasskey{Name: k.Name, CreatedAt: k.CreatedAt.UTC()}
		if !k.LastUsedAt.IsZero() {
			used := k.LastUsedAt.UTC()
			e.LastUsedAt = &used
		}
		out.passkeys = append(out.passkeys, e)
	}
	out.twoFactor, err = twofactor.Enabled(ctx, q, c.TenantID, c.ID)
	return out, err
}

// write adds the sign-in parts to the file.
func (s signIn) write(x *writer) {
	x.field("two_factor_app", s.twoFactor)
	x.begin("passkeys")
	for _, k := range s.passkeys {
		x.item(k)
	}
	x.end()
	x.begin("sessions")
	for _, a := range s.sessions {
		x.item(a)
	}
	x.end()
}
