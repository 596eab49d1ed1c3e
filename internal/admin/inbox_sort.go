package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/ticketmail"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// mailSort is the "create ticket from this mail" form of an open mail item: first a
// company (the suggested one, or chosen from a search), then one of its contacts or
// the sender as a new contact.
type mailSort struct {
	Company   company.Company // zero until chosen
	Companies []web.Choice    // to choose from while none is chosen
	Search    string
	Contacts  []web.Choice
	Known     contact.Contact // the contact the sender's address belongs to (ID 0: none)
	Domain    string
	// DomainOffer: the sender's domain may be given to the chosen company — no public
	// provider's, and no other company has it.
	DomainOffer bool
	// NewCompany: the sender is nobody the portal knows and no company is chosen, so
	// the page offers to create their company with the ticket (inbox_ticket_company.go).
	NewCompany bool
}

// mailSortOf builds the form for item it; f holds what was sent (on an error) and gets
// the defaults: the chosen company, the contact, the sender's name.
func (a *Admin) mailSortOf(r *http.Request, v *visit, it inbox.Item, p inbox.MailPayload, f web.Form) (mailSort, error) {
	ctx, q, tid := r.Context(), a.env.DB, v.P.TenantID
	ms := mailSort{Search: validate.Truncate(validate.Clean(r.URL.Query().Get("cq")), 100), Domain: it.Domain}
	known, err := contact.ByEmail(ctx, q, tid, p.From)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return ms, err
	}
	ms.Known = known
	var companyID int64
	switch {
	case r.Method == http.MethodPost:
		companyID, _ = strconv.ParseInt(f.Get("company_id"), 10, 64)
	case r.URL.Query().Has("company"):
		companyID, _ = strconv.ParseInt(r.URL.Query().Get("company"), 10, 64)
	default:
		companyID = it.SuggestedCompanyID
	}
	if companyID > 0 {
		co, err := company.Get(ctx, q, tid, companyID)
		if err != nil {
			return ms, err // another tenant's company is a 404
		}
		if !co.Archived() { // an archived one is not offered: the list instead
			ms.Company = co
		}
	}
	if r.Method != http.MethodPost {
		first, last := ticketmail.NameOf(p)
		f.Set("first_name", first)
		f.Set("last_name", last)
	}
	if ms.Company.ID == 0 {
		ms.NewCompany = known.ID == 0
		ms.DomainOffer = ms.NewCompany && a.domainFree(r, v, it.Domain)
		list, _, err := company.List(ctx, q, tid, company.ListParams{Search: ms.Search, Limit: inboxCompanyChoices})
		if err != nil {
			return ms, err
		}
		ms.Companies = companyChoices(it, list, "")
		return ms, nil
	}
	f.Set("company_id", itoa(ms.Company.ID))
	members, err := contact.MembershipsOfCompany(ctx, q, tid, ms.Company.ID)
	if err != nil {
		return ms, err
	}
	member := false
	for _, m := range members {
		if m.Access == contact.AccessRevoked {
			continue
		}
		member = member || m.ContactID == known.ID
		ms.Contacts = append(ms.Contacts, web.Choice{Value: itoa(m.ContactID), Label: memberLabel(m)})
	}
	// The sender as a contact to create, or to add to the company, is offered only
	// when they are not among its contacts already: a second entry for the same
	// person leaves staff guessing which to pick.
	if !member {
		newLabel := i18n.T(ctx, "inbox_actions.new_contact", map[string]any{"Email": p.From})
		if known.ID > 0 {
			newLabel = i18n.T(ctx, "inbox_actions.known_contact", map[string]any{"Name": known.Name(), "Email": p.From})
		}
		ms.Contacts = append([]web.Choice{{Value: "new", Label: newLabel}}, ms.Contacts...)
	}
	if f.Get("contact_id") == "" {
		f.Set("contact_id", "new")
		if member {
			f.Set("contact_id", itoa(known.ID))
		}
	}
	ms.DomainOffer = a.domainFree(r, v, it.Domain)
	return ms, nil
}

// domainFree reports whether domain may become a company's email domain: it is no
// public provider's (gmail.com, web.de…) and no company has it yet.
func (a *Admin) domainFree(r *http.Request, v *visit, domain string) bool {
	if domain == "" || validate.PublicMailDomain(domain) {
		return false
	}
	_, err := company.ByDomain(r.Context(), a.env.DB, v.P.TenantID, domain)
	return errors.Is(err, db.ErrNotFound)
}
