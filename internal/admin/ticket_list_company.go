package admin

import (
	"context"
	"net/url"

	"pforte/internal/company"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// queueCompanyChoices bounds the company select: a name search narrows it, so the page
// stays small with ten thousand companies.
const queueCompanyChoices = 50

// companyFind is what the queue's company name search found when it chose no
// company: nothing (None), or several companies to choose from (Matches, with More
// when there are more than the page lists). The queue then lists no tickets rather
// than every company's.
type companyFind struct {
	Query   string
	None    bool
	Matches []companyMatch
	More    bool
	// Capped: the select lists only the first queueCompanyChoices companies.
	Capped bool
}

// companyMatch is one company the search found, with the queue link that chooses it.
type companyMatch struct {
	Name string
	URL  string
}

// Open reports a search that still waits for a choice (no company, or several).
func (c companyFind) Open() bool { return c.None || len(c.Matches) > 0 }

// queueCompanies builds the company select and settles the company filter: a chosen
// company of the tenant stays chosen (anything else is dropped); a name search that
// finds exactly one company chooses it; one that finds none or several says so in
// find and chooses nothing. query is the queue's query, for the links that choose a
// match.
func (a *Admin) queueCompanies(ctx context.Context, tenantID int64, qf queueFilter, query url.Values) ([]web.Choice, int64, companyFind, error) {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "tickets_admin.filter.company_any")}}
	chosen := int64(0)
	find := companyFind{Query: qf.CompanyQ}
	if qf.Company > 0 {
		co, err := company.Get(ctx, a.env.DB, tenantID, qf.Company)
		if err == nil {
			chosen = co.ID
			out = append(out, web.Choice{Value: itoa(co.ID), Label: queueCompanyLabel(ctx, co), Selected: true})
		} else if !isNotFound(err) {
			return nil, 0, find, err
		}
	}
	// Archived companies too: their tickets stay, and staff work them off.
	list, more, err := company.List(ctx, a.env.DB, tenantID,
		company.ListParams{Search: qf.CompanyQ, State: company.AnyState, Limit: queueCompanyChoices})
	if err != nil {
		return nil, 0, find, err
	}
	switch {
	case chosen > 0 || qf.CompanyQ == "":
	case len(list) == 0:
		find.None = true
	case len(list) == 1:
		chosen = list[0].ID
		out = append(out, web.Choice{Value: itoa(chosen), Label: queueCompanyLabel(ctx, list[0]), Selected: true})
	default:
		find.More = more
		for _, co := range list {
			m := companyMatch{Name: queueCompanyLabel(ctx, co), URL: chooseCompanyURL(query, co.ID)}
			find.Matches = append(find.Matches, m)
		}
	}
	find.Capped = more && !find.Open()
	for _, co := range list {
		if co.ID != chosen {
			out = append(out, web.Choice{Value: itoa(co.ID), Label: queueCompanyLabel(ctx, co)})
		}
	}
	return out, chosen, find, nil
}

// chooseCompanyURL is the queue as asked, narrowed to the company id instead of the
// name search, from its first page.
func chooseCompanyURL(query url.Values, id int64) string {
	q := web.Without(query, "cq", "page")
	q.Set("company", itoa(id))
	return "/admin/tickets?" + q.Encode()
}

// queueCompanyLabel names a company in the queue's company filter; an archived one
// says so, as the company list's badge does (an option holds text only).
func queueCompanyLabel(ctx context.Context, co company.Company) string {
	if co.Archived() {
		return i18n.T(ctx, "company_archive.choice", map[string]any{"Company": co.Name})
	}
	return co.Name
}
