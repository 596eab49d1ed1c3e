package access

import (
	"context"
	"fmt"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
)

// DeletedAccountLeftovers counts what a contact who deleted their own account still
// leaves with their former details: the account_deleted inbox item staff get to update
// the ERP (DeleteOwnAccount). An admin erases it with EraseDeletedAccount.
func (s *Service) DeletedAccountLeftovers(ctx context.Context, ct contact.Contact) (int, error) {
	var n int
	if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM inbox_items WHERE contact_id = ? AND tenant_id = ? AND kind = ?
		AND email <> ?`, ct.ID, ct.TenantID, inbox.KindAccountDeleted, DeletedEmail(ct.ID)).Scan(&n); err != nil {
		return 0, fmt.Errorf("access: leftovers of deleted account: %w", err)
	}
	return n, nil
}

// EraseDeletedAccount is an admin's erasure of a contact who deleted their own account
// already (a request to erase them entirely, once the ERP is updated): the
// account_deleted item loses the former details, the audit entry that marked it done
// its title (the former name), and the erasure is audited like EraseContact.
// ErrAlreadyErased when nothing is left.
func (s *Service) EraseDeletedAccount(ctx context.Context, t tenant.Tenant, by Actor, ct contact.Contact, reason string) error {
	if !IsDeletedEmail(ct.Email) {
		return s.EraseContact(ctx, t, by, ct, reason)
	}
	now := s.Now()
	tr := i18n.For(t.DefaultLanguage)
	f := inbox.Forget{Name: tr.T("inbox.deleted_contact", map[string]any{"ID": ct.ID}), Email: DeletedEmail(ct.ID),
		Text: tr.T("contact_forget.removed", nil)}
	var gone forgotten
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Read in the transaction: two admins at once erase once.
		var addrs []string
		found := 0
		rows, err := tx.Query(ctx, `SELECT LOWER(email) FROM inbox_items WHERE contact_id = ? AND tenant_id = ? AND kind = ?
			AND email <> ?`, ct.ID, ct.TenantID, inbox.KindAccountDeleted, f.Email)
		if err != nil {
			return fmt.Errorf("access: leftovers of deleted account: %w", err)
		}
		for rows.Next() {
			var a string
			if err := rows.Scan(&a); err != nil {
				rows.Close()
				return fmt.Errorf("access: leftovers of deleted account: %w", err)
			}
			found++
			if a != "" {
				addrs = append(addrs, a)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("access: leftovers of deleted account: %w", err)
		}
		if found == 0 {
			return ErrAlreadyErased
		}
		items, err := inbox.ForgetContact(ctx, tx, ct.TenantID, ct.ID, addrs, f, now)
		if err != nil {
			return err
		}
		gone.keys = items.RawKeys
		if err := forgetInAudit(ctx, tx, ct, addrs, items.Titles, f.Email, f.Name); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, by.Label, audit.ContactErased, EraseTarget(ct.ID, reason), by.IP, now)
	})
	if err == nil {
		s.drop(ctx, gone)
	}
	return err
}
