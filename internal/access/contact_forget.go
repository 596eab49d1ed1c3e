package access

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/inbound"
	"pforte/internal/inbox"
	"pforte/internal/kb"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// ErrAlreadyErased: the contact was anonymised before (deleted their account, or was
// erased by staff), meanwhile perhaps by someone else; there is nothing left to erase.
var ErrAlreadyErased = errors.New("access: contact already erased")

// forgotten are the files an erasure leaves to delete once its transaction is
// committed: raw messages in the file store, and mails the file sender kept; and the
// mails to others whose kept file is to be written anew, masked (rewrite, of tenantID).
type forgotten struct {
	keys, paths []string
	tenantID    int64
	rewrite     []int64
}

// forgetContact anonymises ct in tx, the part a contact's own account deletion and an
// admin's erasure share: name, email, phone and external id are replaced or cleared,
// the password, open links, passkeys, second factors and every session are gone, all
// memberships are revoked. Every address the contact ever had (formerAddresses) is
// taken out of the audit log, the outbox (mail not sent yet is cancelled; mail to
// others keeps its text without the person's names and addresses), the inbox
// and the record of inbound mail; they follow no ticket any more. The contact row itself
// stays, so the company's tickets and documents keep their author under the
// placeholder name. naming are the mails of no ticket that may name the person to
// others (Service.mailsNaming, read before the transaction). ErrAlreadyErased when ct
// was anonymised meanwhile.
func forgetContact(ctx context.Context, tx *db.Tx, t tenant.Tenant, ct contact.Contact, naming []int64, now time.Time) (forgotten, error) {
	var out forgotten
	if IsDeletedEmail(ct.Email) {
		return out, ErrAlreadyErased
	}
	tr := i18n.For(t.DefaultLanguage)
	anon, anonAddr := tr.T("inbox.deleted_contact", map[string]any{"ID": ct.ID}), DeletedEmail(ct.ID)
	removed := tr.T("contact_forget.removed", nil)
	addrs, err := formerAddresses(ctx, tx, ct)
	if err != nil {
		return out, err
	}
	// The stored address must still be the one read: two admins erasing at once, or the
	// contact deleting the account meanwhile, anonymise once.
	res, err := tx.Exec(ctx, `UPDATE contacts SET first_name = '', last_name = ?, email = ?, phone = '', language = '',
		external_id = NULL, password_hash = '', last_company_id = NULL, search = ?, updated_at = ?
		WHERE tenant_id = ? AND id = ? AND email = ?`, anon, anonAddr, "", now.Unix(), ct.TenantID, ct.ID, ct.Email)
	if err != nil {
		return out, fmt.Errorf("access: anonymise contact: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return out, ErrAlreadyErased
	}
	if _, err := tx.Exec(ctx, `UPDATE memberships SET access = 'revoked' WHERE tenant_id = ? AND contact_id = ?`,
		ct.TenantID, ct.ID); err != nil {
		return out, fmt.Errorf("access: revoke memberships: %w", err)
	}
	// The inbox first: the audit log names items it marked done by their titles.
	items, err := inbox.ForgetContact(ctx, tx, ct.TenantID, ct.ID, addrs, inbox.Forget{Name: anon, Email: anonAddr, Text: removed}, now)
	if err != nil {
		return out, err
	}
	// The audit log keeps the events but not the person: actor and target name the
	// contact by the placeholder from now on.
	if err := forgetInAudit(ctx, tx, ct, addrs, items.Titles, anonAddr, anon); err != nil {
		return out, err
	}
	if err := forgetMovedNotes(ctx, tx, ct.TenantID, ct.ID, anon); err != nil {
		return out, err
	}
	if err := ticket.ForgetContactLinks(ctx, tx, ct.TenantID, ct.ID); err != nil {
		return out, err
	}
	raw, err := inbound.ForgetSender(ctx, tx, ct.TenantID, addrs, anonAddr, removed)
	if err != nil {
		return out, err
	}
	out.keys = append(items.RawKeys, raw...)
	// Nothing more is mailed to any address the person had; what went keeps only that
	// it went.
	if _, err := outbox.CancelTo(ctx, tx, ct.TenantID, addrs, now); err != nil {
		return out, err
	}
	if out.paths, err = outbox.ForgetRecipient(ctx, tx, ct.TenantID, addrs, anonAddr, removed); err != nil {
		return out, err
	}
	// Mail to others stays a record of what went, without the person's name.
	out.tenantID = ct.TenantID
	if out.rewrite, err = forgetInMailsToOthers(ctx, tx, ct, addrs, naming, anonAddr, anon); err != nil {
		return out, err
	}
	for _, a := range addrs {
		if _, err := tx.Exec(ctx, `DELETE FROM registrations WHERE tenant_id = ? AND LOWER(email) = ?`, ct.TenantID, a); err != nil {
			return out, fmt.Errorf("access: delete registrations: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM reset_requests WHERE tenant_id = ? AND LOWER(email) = ?`, ct.TenantID, a); err != nil {
			return out, fmt.Errorf("access: delete reset requests: %w", err)
		}
	}
	// Sign-in secrets go with the person: links, passkeys, second factors.
	for _, table := range []string{"tokens", "passkeys", "contact_totp", "recovery_codes", "login_challenges"} {
		if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE tenant_id = ? AND contact_id = ?`, ct.TenantID, ct.ID); err != nil {
			return out, fmt.Errorf("access: delete %s: %w", table, err)
		}
	}
	// What the person wrote on tickets stays with the company, under the placeholder.
	if err := ticket.ForgetContactName(ctx, tx, ct.TenantID, ct.ID, anon); err != nil {
		return out, err
	}
	// Comments under knowledge-base articles are the person's free text (kb.ForgetContact).
	if err := kb.ForgetContact(ctx, tx, ct.TenantID, ct.ID); err != nil {
		return out, err
	}
	// Download subscriptions and pending notices go: nobody is mailed under the
	// anonymised contact (download.ForgetContact), nor at the old address.
	if err := download.ForgetContact(ctx, tx, ct.TenantID, ct.ID); err != nil {
		return out, err
	}
	if err := session.EndForContact(ctx, tx, ct.TenantID, ct.ID, 0); err != nil {
		return out, err
	}
	// Failed sign-ins are kept by the address typed, and so are the counted requests for
	// reset links and registrations (RequestReset, Register): those of every address go.
	for _, a := range addrs { // the current address is among them
		for _, key := range []string{a, secondKey(a), "reset:" + a, "register:" + a} {
			if err := auth.ClearFailures(ctx, tx, ct.TenantID, key); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// drop deletes the files an erasure left, after its commit, and writes the kept
// copies of masked mails to others anew. A file that cannot be removed or rewritten
// is only logged: the outbox no longer shows what it holds.
func (s *Service) drop(ctx context.Context, f forgotten) {
	// The erasure is committed: a client gone meanwhile does not stop the rewriting.
	if err := outbox.RewriteStored(context.WithoutCancel(ctx), s.DB, f.tenantID, f.rewrite); err != nil {
		slog.Warn("access: rewrite stored mail naming erased contact", "err", err)
	}
	seen := map[string]bool{}
	for _, k := range f.keys {
		if k == "" || seen[k] || s.Files == nil {
			continue
		}
		seen[k] = true
		if err := s.Files.Delete(k); err != nil {
			slog.Warn("access: delete file of erased contact", "key", k, "err", err)
		}
	}
	mail.RemoveStored(f.paths, "access: delete stored mail of erased contact")
}
