package admin

import (
	"context"
	"errors"
	"strings"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/web"
)

// knownPerson is the contact an open registration's address belongs to today (the
// payload's Existing only says what was known when it was confirmed), with the companies
// it has portal access to: approving gives that contact access instead of creating one,
// and approving into one of those companies keeps the role it has there
// (access.approveIn), which the page says before anyone approves.
type knownPerson struct {
	ID     int64
	Name   string
	Active []contact.Membership
}

// knownByEmail looks up the contact with email; a zero knownPerson when there is none.
func (a *Admin) knownByEmail(ctx context.Context, tenantID int64, email string) (knownPerson, error) {
	ct, err := contact.ByEmail(ctx, a.env.DB, tenantID, email)
	if errors.Is(err, db.ErrNotFound) {
		return knownPerson{}, nil
	}
	if err != nil {
		return knownPerson{}, err
	}
	ms, err := contact.MembershipsOfContact(ctx, a.env.DB, tenantID, ct.ID)
	if err != nil {
		return knownPerson{}, err
	}
	k := knownPerson{ID: ct.ID, Name: ct.Name()}
	if k.Name == "" {
		k.Name = ct.Email
	}
	for _, m := range ms {
		if m.Usable() { // an archived company is not offered
			k.Active = append(k.Active, m)
		}
	}
	return k, nil
}

// approveKeepsRole reports whether approving registration itemID into companyID keeps
// the role of a contact who has access there already. An item that is no registration
// (or another tenant's) is left to the approval to refuse.
func (a *Admin) approveKeepsRole(ctx context.Context, tenantID, itemID, companyID int64) (bool, error) {
	it, err := inbox.Get(ctx, a.env.DB, tenantID, itemID)
	var p access.RegistrationPayload
	if errors.Is(err, db.ErrNotFound) || err == nil && (it.Kind != inbox.KindRegistration || it.Decode(&p) != nil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	k, err := a.knownByEmail(ctx, tenantID, p.Email)
	return k.activeIn(companyID), err
}

// activeIn reports whether the person has portal access to companyID.
func (k knownPerson) activeIn(companyID int64) bool {
	for _, m := range k.Active {
		if m.CompanyID == companyID {
			return true
		}
	}
	return false
}

// accessList names the companies the person has access to with the role there:
// "Alpen Logistik AG (Main contact), Beta GmbH (User)".
func (k knownPerson) accessList(ctx context.Context) string {
	parts := make([]string, 0, len(k.Active))
	for _, m := range k.Active {
		parts = append(parts, web.IsolateName(ctx, m.CompanyName)+" ("+i18n.T(ctx, "role."+m.Role)+")")
	}
	return strings.Join(parts, ", ")
}
