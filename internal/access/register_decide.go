package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/audit"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/outbox"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// Decider is who decides on a registration: a staff member (any company of the tenant)
// or a main contact (only their own company, only registrations of its email domains).
type Decider struct {
	Actor   Actor    // for the audit log
	By      inbox.By // recorded on the item
	Company int64    // set for a main contact: the only company they may approve into
	Domains []string // set for a main contact: their company's email domains
}

// registration loads an open registration item the decider may see. Anything else —
// another tenant's, another kind, another domain — is db.ErrNotFound; a handled one is
// inbox.ErrHandled.
func (s *Service) registration(ctx context.Context, tenantID int64, d Decider, itemID int64) (inbox.Item, RegistrationPayload, error) {
	var p RegistrationPayload
	var it inbox.Item
	var err error
	if d.Company > 0 {
		it, err = inbox.GetForDomains(ctx, s.DB, tenantID, itemID, d.Domains)
	} else {
		it, err = inbox.Get(ctx, s.DB, tenantID, itemID)
	}
	if err != nil {
		return it, p, err
	}
	return it, p, it.Pending(inbox.KindRegistration, &p)
}

// ApproveRegistration gives the registered person portal access to companyID with role:
// the contact with that address is reused or created, joins the company, and gets the
// approval mail with a set-password link (or, with a password already, a login link).
func (s *Service) ApproveRegistration(ctx context.Context, t tenant.Tenant, d Decider, itemID, companyID int64, role, origin string) error {
	it, p, err := s.registration(ctx, t.ID, d, itemID)
	if err != nil {
		return err
	}
	if d.Company > 0 && companyID != d.Company {
		return db.ErrNotFound
	}
	e := validate.Errors{}
	if role != principal.RoleMain && role != principal.RoleUser {
		e.Add("role", "error.choice", nil)
	}
	co, err := company.Get(ctx, s.DB, t.ID, companyID)
	switch {
	case errors.Is(err, db.ErrNotFound):
		e.Add("company_id", "inbox.company_required", nil)
	case err != nil:
		return err
	case co.Archived(): // nothing new is filed under an archived company
		e.Add("company_id", "company_archive.refused", nil)
	}
	if e.Any() {
		return e
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		return s.approveIn(ctx, tx, t, d, it, p, co, role, origin, now)
	})
}

// approveIn is ApproveRegistration's change, in tx: the item decided once, the contact
// reused or created, joined to co and granted access, the approval mailed.
func (s *Service) approveIn(ctx context.Context, tx *db.Tx, t tenant.Tenant, d Decider, it inbox.Item, p RegistrationPayload, co company.Company, role, origin string, now time.Time) error {
	// Checked again here: staff may have archived the company since the form was read.
	if err := company.RequireLive(ctx, tx, t.ID, co.ID); errors.Is(err, company.ErrArchived) {
		return validate.Errors{"company_id": {ID: "company_archive.refused"}}
	} else if err != nil {
		return err
	}
	if err := inbox.Handle(ctx, tx, t.ID, it.ID, inbox.StateAccepted, d.By, "", now); err != nil {
		return err
	}
	ct, err := contact.ByEmail(ctx, tx, t.ID, p.Email)
	if errors.Is(err, db.ErrNotFound) {
		ct, err = contact.Create(ctx, tx, contact.Contact{TenantID: t.ID, FirstName: p.FirstName, LastName: p.LastName,
			Email: p.Email, Phone: p.Phone, Language: p.Language}, i18n.Languages, now)
	}
	if err != nil {
		return err
	}
	m, err := contact.MembershipIn(ctx, tx, t.ID, ct.ID, co.ID)
	if errors.Is(err, db.ErrNotFound) {
		var id int64
		if id, err = contact.AddMembership(ctx, tx, t.ID, ct.ID, co.ID, role, now); err == nil {
			m, err = contact.GetMembership(ctx, tx, t.ID, id)
		}
	} else if err == nil && m.Access == contact.AccessActive {
		// The person already has access here: registering again is no request for
		// another role, so approving keeps theirs (and their sessions).
		role = m.Role
	}
	if err != nil {
		return err
	}
	if err := inbox.SetRefs(ctx, tx, t.ID, it.ID, co.ID, ct.ID); err != nil {
		return err
	}
	if err := s.grantIn(ctx, tx, t, d.Actor, m, ct, role, origin, "mail.invitation", "mail.registration_approved"); err != nil {
		return err
	}
	target := fmt.Sprintf("%s @ %s (%s)", p.Email, co.Name, role)
	return audit.LogFor(ctx, tx, t.ID, ct.ID, d.Actor.Label, audit.RegistrationApproved, target, d.Actor.IP, now)
}

// ApproveWithNewCompany is staff's answer to a registration from a company the portal
// does not know yet: the company is created under name (with the registration's email
// domain when withDomain is set) and the registration approved into it, together or
// not at all. Bad input is validate.Errors on company_name, add_domain or role; a main
// contact cannot create companies (db.ErrNotFound).
func (s *Service) ApproveWithNewCompany(ctx context.Context, t tenant.Tenant, d Decider, itemID int64, name string, withDomain bool, role, origin string) error {
	it, p, err := s.registration(ctx, t.ID, d, itemID)
	if err != nil {
		return err
	}
	if d.Company > 0 {
		return db.ErrNotFound
	}
	e := validate.Errors{}
	if role != principal.RoleMain && role != principal.RoleUser {
		e.Add("role", "error.choice", nil)
	}
	co := company.Company{TenantID: t.ID, Name: name}
	if withDomain {
		if it.Domain == "" || validate.PublicMailDomain(it.Domain) {
			e.Add("add_domain", "inbox_actions.error.public_domain", map[string]any{"Domain": it.Domain})
		} else {
			co.EmailDomains = it.Domain
		}
	}
	co.Normalize()
	for k, v := range co.Validate() {
		e[map[string]string{"name": "company_name", "email_domains": "add_domain"}[k]] = v
	}
	if e.Any() {
		return e
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		created, err := company.Create(ctx, tx, co, now)
		var ve validate.Errors
		if errors.As(err, &ve) { // the domain went to another company meanwhile
			out := validate.Errors{}
			for k, v := range ve {
				out[map[string]string{"name": "company_name", "email_domains": "add_domain"}[k]] = v
			}
			return out
		}
		if err != nil {
			return err
		}
		if err := audit.Log(ctx, tx, t.ID, d.Actor.Label, audit.CompanyCreated, audit.CompanyTarget(created.ID, created.Name), d.Actor.IP, now); err != nil {
			return err
		}
		return s.approveIn(ctx, tx, t, d, it, p, created, role, origin, now)
	})
}

// RejectRegistration declines a registration with a reason, which is mailed to the
// person with a link to the portal (origin); no contact is created or changed.
func (s *Service) RejectRegistration(ctx context.Context, t tenant.Tenant, d Decider, itemID int64, reason, origin string) error {
	it, p, err := s.registration(ctx, t.ID, d, itemID)
	if err != nil {
		return err
	}
	e := validate.Errors{}
	e.Text("reason", reason, true, 1000)
	if e.Any() {
		return e
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := inbox.Handle(ctx, tx, t.ID, it.ID, inbox.StateDeclined, d.By, reason, now); err != nil {
			return err
		}
		msg, err := outbox.Letter{To: p.Email, Lang: lang(p.Language, t), Sender: t.Name, Key: "mail.registration_rejected",
			// No button: a rejected person cannot sign in to the portal.
			Data: withSupport(t, map[string]any{"FirstName": p.FirstName, "Name": p.FirstName + " " + p.LastName,
				"Company": p.Company, "Portal": t.Name, "Reason": reason})}.RenderFor(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if _, err := outbox.Queue(ctx, tx, t.ID, supportReply(t, msg), now); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, d.Actor.Label, audit.RegistrationRejected, p.Email+": "+reason, d.Actor.IP, now)
	})
}

// InboxDone marks a notice (an item nobody decides on, like a deleted account) done. A
// deleted account's notice loses the former details then (forgetDeletedAccountNotice),
// and the audit entry names it by the placeholder, not by the former name.
func (s *Service) InboxDone(ctx context.Context, tenantID int64, d Decider, itemID int64) error {
	it, err := inbox.Get(ctx, s.DB, tenantID, itemID)
	if err != nil {
		return err
	}
	if it.Kind == inbox.KindRegistration { // those are approved or rejected
		return db.ErrNotFound
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := inbox.Handle(ctx, tx, tenantID, it.ID, inbox.StateDone, d.By, "", now); err != nil {
			return err
		}
		target := it.Title
		if it.Kind == inbox.KindAccountDeleted {
			if target, err = forgetDeletedAccountNotice(ctx, tx, it); err != nil {
				return err
			}
		}
		return audit.Log(ctx, tx, tenantID, d.Actor.Label, audit.InboxDone, target, d.Actor.IP, now)
	})
}
