package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/outbox"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// ErrAlreadyErased: the contact was anonymised before (deleted their account, or was
// erased by staff), meanwhile perhaps by someone else; there is nothing left to erase.
var ErrAlreadyErased = errors.New("access: contact already erased")

// forgetContact anonymises ct in tx, the part a contact's own account deletion and an
// admin's erasure share: name, email, phone and external id are replaced or cleared,
// the password, open links, passkeys, second factors and every session are gone, all
// memberships are revoked, and mail not yet sent to the address is cancelled. The
// contact row itself stays, so the company's tickets and documents keep their author
// under the placeholder name. ErrAlreadyErased when ct was anonymised meanwhile.
func forgetContact(ctx context.Context, tx *db.Tx, t tenant.Tenant, ct contact.Contact, now time.Time) error {
	if IsDeletedEmail(ct.Email) {
		return ErrAlreadyErased
	}
	anon := i18n.For(t.DefaultLanguage).T("inbox.deleted_contact", map[string]any{"ID": ct.ID})
	// The stored address must still be the one read: two admins erasing at once, or the
	// contact deleting the account meanwhile, anonymise once.
	res, err := tx.Exec(ctx, `UPDATE contacts SET first_name = '', last_name = ?, email = ?, phone = '', language = '',
		external_id = NULL, password_hash = '', last_company_id = NULL, search = ?, updated_at = ?
		WHERE tenant_id = ? AND id = ? AND email = ?`, anon, DeletedEmail(ct.ID), "", now.Unix(), ct.TenantID, ct.ID, ct.Email)
	if err != nil {
		return fmt.Errorf("access: anonymise contact: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrAlreadyErased
	}
	if _, err := tx.Exec(ctx, `UPDATE memberships SET access = 'revoked' WHERE tenant_id = ? AND contact_id = ?`,
		ct.TenantID, ct.ID); err != nil {
		return fmt.Errorf("access: revoke memberships: %w", err)
	}
	// The audit log keeps the events but not the address: actor and target name the
	// contact by the placeholder from now on.
	if _, err := tx.Exec(ctx, `UPDATE audit_log SET actor = REPLACE(actor, ?, ?), target = REPLACE(target, ?, ?)
		WHERE tenant_id = ? AND contact_id = ?`, ct.Email, DeletedEmail(ct.ID), ct.Email, DeletedEmail(ct.ID),
		ct.TenantID, ct.ID); err != nil {
		return fmt.Errorf("access: anonymise audit log: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM registrations WHERE tenant_id = ? AND email = ?`, ct.TenantID, ct.Email); err != nil {
		return fmt.Errorf("access: delete registrations: %w", err)
	}
	// Sign-in secrets go with the person: links, passkeys, second factors.
	for _, table := range []string{"tokens", "passkeys", "contact_totp", "recovery_codes", "login_challenges"} {
		if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE tenant_id = ? AND contact_id = ?`, ct.TenantID, ct.ID); err != nil {
			return fmt.Errorf("access: delete %s: %w", table, err)
		}
	}
	// What the person wrote on tickets stays with the company, under the placeholder.
	if err := ticket.ForgetContactName(ctx, tx, ct.TenantID, ct.ID, anon); err != nil {
		return err
	}
	// Comments under knowledge-base articles are the person's free text (kb.ForgetContact).
	if err := kb.ForgetContact(ctx, tx, ct.TenantID, ct.ID); err != nil {
		return err
	}
	// Download subscriptions and pending notices go: nobody is mailed under the
	// anonymised contact (download.ForgetContact), nor at the old address.
	if err := download.ForgetContact(ctx, tx, ct.TenantID, ct.ID); err != nil {
		return err
	}
	if _, err := outbox.CancelTo(ctx, tx, ct.TenantID, ct.Email, now); err != nil {
		return err
	}
	if err := session.EndForContact(ctx, tx, ct.TenantID, ct.ID, 0); err != nil {
		return err
	}
	if err := auth.ClearFailures(ctx, tx, ct.TenantID, ct.Email); err != nil {
		return err
	}
	return auth.ClearFailures(ctx, tx, ct.TenantID, secondKey(ct.Email))
}
