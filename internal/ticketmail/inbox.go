package ticketmail

import (
	"context"
	"errors"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/validate"
)

// Staff is the staff member sorting an inbox mail: named on the item, in the audit
// log and, for a mail kept as an internal note, on the note.
type Staff struct {
	ID    int64
	Name  string
	By    inbox.By
	Actor string // audit actor label
	IP    string
}

// Sorting is staff's decision to make a ticket of a mail in the inbox: which company
// it concerns and which of its contacts wrote it.
type Sorting struct {
	ItemID    int64
	CompanyID int64
	ContactID int64  // an existing contact of the company; 0: the sender, added as a contact
	FirstName string // the added contact's name
	LastName  string
	AddDomain bool   // give the sender's domain to the company, so its next mails go there
	Origin    string // the portal's base URL for the mails' links
}

// NameOf suggests first and last name of a mail's sender, as a mail from a company's
// domain would create them.
func NameOf(p inbox.MailPayload) (string, string) { return splitName(p.FromName, p.From) }

// MailItem loads an open mail item of the tenant with its payload. Another tenant's
// item or another kind is db.ErrNotFound; a handled one inbox.ErrHandled.
func MailItem(ctx context.Context, q db.Querier, tenantID, id int64) (inbox.Item, inbox.MailPayload, error) {
	var p inbox.MailPayload
	it, err := inbox.Get(ctx, q, tenantID, id)
	if err != nil {
		return it, p, err
	}
	return it, p, it.Pending(inbox.KindMail, &p)
}

// lockedMailItem is MailItem for a change in tx: the item's row is locked first on
// PostgreSQL (inbox.Lock), so an answer joining the item meanwhile (package inbound)
// is neither overwritten nor lost.
func lockedMailItem(ctx context.Context, tx db.Querier, tenantID, id int64) (inbox.Item, inbox.MailPayload, error) {
	var p inbox.MailPayload
	it, err := inbox.Lock(ctx, tx, tenantID, id)
	if err != nil {
		return it, p, err
	}
	return it, p, it.Pending(inbox.KindMail, &p)
}

// OpenFromInbox makes a ticket of an inbox mail, as if the sender's address had been
// known when it arrived: the same ticket (via email, the mail's subject, text and
// files), the same mails (staff told, the contact's confirmation with a reply address,
// so their answers land in the ticket). The item is marked done once: a second
// submission gets inbox.ErrHandled and creates nothing. Bad input is validate.Errors;
// a company or contact id that is not the tenant's is db.ErrNotFound.
func OpenFromInbox(ctx context.Context, d *db.DB, t tenant.Tenant, s Sorting, by Staff, now time.Time) (int64, error) {
	var id int64
	err := d.InTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = openInTx(ctx, tx, t, s, by, now)
		return err
	})
	return id, err
}

// openInTx is OpenFromInbox inside the caller's transaction.
func openInTx(ctx context.Context, tx db.Querier, t tenant.Tenant, s Sorting, by Staff, now time.Time) (int64, error) {
	var id int64
	err := func() error {
		it, p, err := lockedMailItem(ctx, tx, t.ID, s.ItemID)
		if err != nil {
			return err
		}
		co, sender, err := checkSorting(ctx, tx, t.ID, it, p, &s)
		if err != nil {
			return err
		}
		if err := inbox.Handle(ctx, tx, t.ID, it.ID, inbox.StateDone, by.By, "", now); err != nil {
			return err
		}
		created := sender.ID == 0
		if created {
			if sender, err = contact.Create(ctx, tx, sender, i18n.Languages, now); err != nil {
				return err
			}
		}
		if _, err := contact.MembershipIn(ctx, tx, t.ID, sender.ID, co.ID); errors.Is(err, db.ErrNotFound) {
			// Like a sender of the company's domain: a user without portal access.
			_, err = contact.AddMembership(ctx, tx, t.ID, sender.ID, co.ID, principal.RoleUser, now)
			if err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		body, full := fit(t, payloadText(p), payloadFullText(p))
		body = incomplete(t, body, p.Cut)
		id, err = createTicket(ctx, tx, t, s.Origin, ticket.New{TenantID: t.ID, CompanyID: co.ID, ContactID: sender.ID,
			Author: sender.Name(), Title: title(p.Subject), Body: body, Via: "email", MailID: p.MessageID,
			Files: append(payloadFiles(p), full...)}, p.Copied, by.ID, now)
		if err != nil {
			return err
		}
		target := audit.InboxCreatedTarget(id, co.ID, title(p.Subject), co.Name, sender.Email, created)
		if s.AddDomain && !slicesHas(co.Domains(), it.Domain) {
			co.EmailDomains = strings.Join(append(co.Domains(), it.Domain), ", ")
			if err := company.Update(ctx, tx, co, now); err != nil {
				return err
			}
			if err := audit.Log(ctx, tx, t.ID, by.Actor, audit.CompanyDomainAdded, it.Domain+" → "+co.Name, by.IP, now); err != nil {
				return err
			}
		}
		return finish(ctx, tx, t.ID, it, p, id, co.ID, sender.ID, by, audit.InboxTicketCreated, target, now)
	}()
	return id, err
}

// checkSorting checks staff's choices and returns the company and the sender as a
// contact (ID 0: to be created).
func checkSorting(ctx context.Context, tx db.Querier, tenantID int64, it inbox.Item, p inbox.MailPayload, s *Sorting) (company.Company, contact.Contact, error) {
	e := validate.Errors{}
	if s.CompanyID == 0 {
		e.Add("company_id", "inbox.company_required", nil)
		return company.Company{}, contact.Contact{}, e
	}
	co, err := company.Get(ctx, tx, tenantID, s.CompanyID)
	if err != nil {
		return co, contact.Contact{}, err // another tenant's company is a 404
	}
	if co.Archived() { // nothing new is filed under an archived company
		e.Add("company_id", "company_archive.refused", nil)
		return co, contact.Contact{}, e
	}
	var sender contact.Contact
	if s.ContactID > 0 {
		if sender, err = contact.Get(ctx, tx, tenantID, s.ContactID); err != nil {
			return co, sender, err
		}
		m, err := contact.MembershipIn(ctx, tx, tenantID, sender.ID, co.ID)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return co, sender, err
		}
		if err != nil || m.Access == contact.AccessRevoked {
			e.Add("contact_id", "inbox_actions.error.contact", nil)
		}
	} else {
		sender, err = contact.ByEmail(ctx, tx, tenantID, strings.ToLower(p.From))
		switch {
		case err == nil: // the address is known: that contact, not a second one
			m, err := contact.MembershipIn(ctx, tx, tenantID, sender.ID, co.ID)
			if err == nil && m.Access == contact.AccessRevoked {
				e.Add("contact_id", "inbox_actions.error.revoked", nil)
			} else if err != nil && !errors.Is(err, db.ErrNotFound) {
				return co, sender, err
			}
		case errors.Is(err, db.ErrNotFound):
			sender = contact.Contact{TenantID: tenantID, FirstName: s.FirstName, LastName: s.LastName, Email: p.From,
				Language: p.Language}
			sender.Normalize()
			for k, v := range sender.Validate(i18n.Languages) {
				e[k] = v
			}
		default:
			return co, sender, err
		}
	}
	if s.AddDomain {
		if err := checkDomain(ctx, tx, tenantID, it.Domain, co, e); err != nil {
			return co, sender, err
		}
	}
	if e.Any() {
		return co, sender, e
	}
	return co, sender, nil
}

// checkDomain refuses to give co a public provider's domain or one another company has.
func checkDomain(ctx context.Context, tx db.Querier, tenantID int64, domain string, co company.Company, e validate.Errors) error {
	if domain == "" || validate.PublicMailDomain(domain) {
		e.Add("add_domain", "inbox_actions.error.public_domain", map[string]any{"Domain": domain})
		return nil
	}
	owner, err := company.ByDomain(ctx, tx, tenantID, domain)
	switch {
	case err == nil && owner.ID != co.ID:
		e.Add("add_domain", "error.domain_taken", map[string]any{"Domain": domain, "Company": owner.Name})
	case err != nil && !errors.Is(err, db.ErrNotFound):
		return err
	}
	return nil
}

// finish records on the item what became of it, and in the audit log who did it.
func finish(ctx context.Context, tx db.Querier, tenantID int64, it inbox.Item, p inbox.MailPayload, ticketID, companyID, contactID int64, by Staff, action, target string, now time.Time) error {
	p.TicketID = ticketID
	if err := inbox.SetPayload(ctx, tx, tenantID, it.ID, p); err != nil {
		return err
	}
	if err := inbox.SetRefs(ctx, tx, tenantID, it.ID, companyID, contactID); err != nil {
		return err
	}
	return audit.Log(ctx, tx, tenantID, by.Actor, action, target, by.IP, now)
}

func slicesHas(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
