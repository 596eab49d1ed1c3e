package access

import (
	"context"
	"errors"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/passkey"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// ErrPasskeyTaken means the authenticator's credential is registered already.
var ErrPasskeyTaken = errors.New("access: passkey registered already")

// PasskeyOwner describes the logged-in contact for a passkey registration.
func (s *Service) PasskeyOwner(ctx context.Context, p principal.Contact) (passkey.Owner, error) {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return passkey.Owner{}, err
	}
	return passkey.Owner{TenantID: p.TenantID, ContactID: p.ContactID, SessionID: p.SessionID,
		Email: ct.Email, Name: ct.Name()}, nil
}

// checkPasskeyName validates a passkey's name; field is the form field it came from.
func checkPasskeyName(field, name string) validate.Errors {
	e := validate.Errors{}
	e.Text(field, name, true, passkey.NameMax)
	return e
}

// AddPasskey stores a verified new passkey of the contact under name (a default when
// empty), mails a security notice and audits it, all in one transaction.
func (s *Service) AddPasskey(ctx context.Context, t tenant.Tenant, p principal.Contact, pk passkey.Passkey, name, origin, ip string) error {
	name = validate.Clean(strings.TrimSpace(name))
	if name == "" {
		name = "Passkey " + s.Now().Format("2006-01-02")
	}
	if e := checkPasskeyName("name", name); e.Any() {
		return e
	}
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	pk.Name, pk.TenantID, pk.ContactID = name, p.TenantID, p.ContactID
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := passkey.Insert(ctx, tx, pk, now); db.IsUnique(err) {
			return ErrPasskeyTaken
		} else if err != nil {
			return err
		}
		if err := s.passkeyNotice(ctx, tx, t, ct, "mail.passkey_added", name, origin); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), passkey.ActionAdded, name, ip, now)
	})
}

// RenamePasskey renames one of the contact's passkeys; another's is ErrNotFound.
func (s *Service) RenamePasskey(ctx context.Context, p principal.Contact, id int64, name, ip string) error {
	pk, err := passkey.Get(ctx, s.DB, p.TenantID, p.ContactID, id)
	if err != nil {
		return err
	}
	if e := checkPasskeyName("name", name); e.Any() {
		return e
	}
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := passkey.Rename(ctx, tx, p.TenantID, p.ContactID, id, name); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), passkey.ActionRenamed,
			pk.Name+" → "+name, ip, s.Now())
	})
}

// RemovePasskey deletes one of the contact's passkeys after checking their password
// (a stolen session alone cannot take away the owner's way in, and a slip of the mouse
// cannot either). Another contact's passkey is ErrNotFound before any password check.
// Guessing the password this way is throttled like a login.
func (s *Service) RemovePasskey(ctx context.Context, t tenant.Tenant, p principal.Contact, id int64, password, origin, ip string) error {
	pk, err := passkey.Get(ctx, s.DB, p.TenantID, p.ContactID, id)
	if err != nil {
		return err
	}
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	if password == "" {
		return validate.Errors{"password": {ID: "error.required"}}
	}
	if err := s.checkThrottle(ctx, p.TenantID, ct.Email, Client{IP: ip}); errors.Is(err, ErrThrottled) {
		return validate.Errors{"password": {ID: "login.throttled"}}
	} else if err != nil {
		return err
	}
	if auth.CheckPassword(ct.PasswordHash, password) != nil {
		audit.LogFor(ctx, s.DB, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordChangeFailed, "passkey", ip, s.Now())
		return validate.Errors{"password": {ID: "error.password_wrong"}}
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := passkey.Delete(ctx, tx, p.TenantID, p.ContactID, id); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, p.TenantID, ct.Email); err != nil {
			return err
		}
		if err := s.passkeyNotice(ctx, tx, t, ct, "mail.passkey_removed", pk.Name, origin); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), passkey.ActionRemoved, pk.Name, ip, now)
	})
}

// passkeyNotice mails the contact that a passkey was added or removed, naming it, so an
// unexpected change does not go unnoticed.
func (s *Service) passkeyNotice(ctx context.Context, tx *db.Tx, t tenant.Tenant, ct contact.Contact, key, name, origin string) error {
	msg, err := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: key,
		ActionURL: origin + "/account", Data: map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Portal": t.Name, "Passkey": name}}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.Queue(ctx, tx, t.ID, msg, s.Now())
	return err
}
