package access

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// AccountDeletedPayload is the payload of an inbox item of kind account_deleted: who the
// contact was, so staff can update the ERP. It is the only place the former details stay
// (the audit log keeps what happened, under the placeholder address).
type AccountDeletedPayload struct {
	ContactID  int64    `json:"contact_id"`
	FirstName  string   `json:"first_name"`
	LastName   string   `json:"last_name"`
	Email      string   `json:"email"`
	Phone      string   `json:"phone"`
	ExternalID string   `json:"external_id"`
	Companies  []string `json:"companies"`
	// LastMain are the companies the contact was the only active main contact of: they
	// have nobody to manage colleagues until staff name another main contact.
	LastMain []LastMainCompany `json:"last_main,omitempty"`
}

// DeletedEmail is the address a deleted contact keeps: unique per contact (the email
// index is unique per tenant) and undeliverable (.invalid is reserved, RFC 2606).
func DeletedEmail(contactID int64) string {
	return fmt.Sprintf("deleted-%d@deleted.invalid", contactID)
}

// IsDeletedEmail tells whether email is one DeletedEmail gave out: the contact deleted
// their account and is anonymised.
func IsDeletedEmail(email string) bool { return strings.HasSuffix(email, "@deleted.invalid") }

// DeleteOwnAccount anonymises the contact after checking their password (forgetContact):
// name, email, phone and external id are replaced or cleared, the password, open links
// and every session are gone, all memberships are revoked. The contact row itself
// stays, so the company's tickets and documents keep their author. Staff learn of it
// in the inbox, which names the companies left without a main contact.
func (s *Service) DeleteOwnAccount(ctx context.Context, t tenant.Tenant, p principal.Contact, password, ip string) error {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	if password == "" {
		return validate.Errors{"delete_password": {ID: "error.required"}}
	}
	if err := s.checkThrottle(ctx, p.TenantID, ct.Email, Client{IP: ip}); errors.Is(err, ErrThrottled) {
		return validate.Errors{"delete_password": {ID: "login.throttled"}}
	} else if err != nil {
		return err
	}
	if auth.CheckPassword(ct.PasswordHash, password) != nil {
		audit.LogFor(ctx, s.DB, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.AccountDeleteFailed, "", ip, s.Now())
		return validate.Errors{"delete_password": {ID: "account.delete_wrong"}}
	}
	ms, err := contact.MembershipsOfContact(ctx, s.DB, p.TenantID, ct.ID)
	if err != nil {
		return err
	}
	former := AccountDeletedPayload{ContactID: ct.ID, FirstName: ct.FirstName, LastName: ct.LastName, Email: ct.Email,
		Phone: ct.Phone, ExternalID: ct.ExternalID}
	for _, m := range ms {
		former.Companies = append(former.Companies, m.CompanyName)
	}
	if former.LastMain, err = lastMainOf(ctx, s.DB, ms); err != nil {
		return err
	}
	naming, err := s.mailsNaming(ctx, ct)
	if err != nil {
		return err
	}
	now := s.Now()
	var gone forgotten
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if gone, err = forgetContact(ctx, tx, t, ct, naming, now); err != nil {
			return err
		}
		it := inbox.Item{TenantID: p.TenantID, Kind: inbox.KindAccountDeleted, Title: ct.Name(), Email: ct.Email,
			CompanyID: p.CompanyID, ContactID: ct.ID}
		if _, err := inbox.Create(ctx, tx, it, former, now); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, DeletedEmail(ct.ID)), audit.AccountDeleted,
			fmt.Sprintf("contact %d", ct.ID), ip, now)
	})
	if err == nil {
		s.drop(ctx, gone)
	}
	return err
}
