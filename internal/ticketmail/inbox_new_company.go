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
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// OpenWithNewCompany makes a ticket of an inbox mail from a sender of no known company:
// it creates the company named companyName (audited like one created on the company
// form), makes the sender its contact and the mail its ticket, all as OpenFromInbox
// does, in one transaction; s.CompanyID is ignored. Bad input is validate.Errors on
// company_name, the sender's names and add_domain, all at once; a second submission
// gets inbox.ErrHandled and creates nothing, not even the company. Whether a company
// of that name exists already is the caller's question (the form asks first).
func OpenWithNewCompany(ctx context.Context, d *db.DB, t tenant.Tenant, s Sorting, companyName string, by Staff, now time.Time) (int64, error) {
	co := company.Company{TenantID: t.ID, Name: companyName}
	co.Normalize()
	var id int64
	err := d.InTx(ctx, func(tx *db.Tx) error {
		_, p, err := MailItem(ctx, tx, t.ID, s.ItemID)
		if err != nil {
			return err
		}
		e := validate.Errors{}
		for k, v := range co.Validate() {
			e["company_"+k] = v // only the name is typed: company_name
		}
		if err := checkNewSender(ctx, tx, t.ID, p.From, s, e); err != nil {
			return err
		}
		if e.Any() {
			return e
		}
		created, err := company.Create(ctx, tx, co, now)
		var ve validate.Errors
		if errors.As(err, &ve) {
			out := validate.Errors{}
			for k, v := range ve {
				out["company_"+k] = v
			}
			return out
		}
		if err != nil {
			return err
		}
		if err := audit.Log(ctx, tx, t.ID, by.Actor, audit.CompanyCreated, audit.CompanyTarget(created.ID, created.Name), by.IP, now); err != nil {
			return err
		}
		s.CompanyID, s.ContactID = created.ID, 0
		id, err = openInTx(ctx, tx, t, s, by, now)
		return err
	})
	return id, err
}

// checkNewSender adds to e what is wrong with the names of a sender who becomes a new
// contact, so those errors show together with the company name's; a sender whose
// address is known keeps their contact and names.
func checkNewSender(ctx context.Context, q db.Querier, tenantID int64, from string, s Sorting, e validate.Errors) error {
	_, err := contact.ByEmail(ctx, q, tenantID, strings.ToLower(from))
	if err == nil || !errors.Is(err, db.ErrNotFound) {
		return err
	}
	c := contact.Contact{TenantID: tenantID, FirstName: s.FirstName, LastName: s.LastName, Email: from}
	c.Normalize()
	for k, v := range c.Validate(i18n.Languages) {
		e[k] = v
	}
	return nil
}
