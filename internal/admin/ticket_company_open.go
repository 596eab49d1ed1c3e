package admin

import (
	"context"

	"pforte/internal/ticket"
)

// companyOpenLimit is how many of the company's other open tickets a ticket's page
// lists beside it.
const companyOpenLimit = 5

// companyOpen loads the other open tickets of the ticket's company, newest activity
// first — the customer who writes about the printer today may have written about it
// last week (a candidate to merge), or be waiting elsewhere already. It is the queue's
// own query (company filter, open state) for one page of companyOpenLimit+1, so it
// costs what the queue costs at a million tickets; more reports tickets beyond those.
func (a *Admin) companyOpen(ctx context.Context, t ticket.Ticket) (list []ticket.Ticket, more bool, err error) {
	page, more, err := ticket.Queue(ctx, a.env.DB, t.TenantID, ticket.Filter{CompanyID: t.CompanyID, State: "open",
		Limit: companyOpenLimit + 1})
	if err != nil {
		return nil, false, err
	}
	for _, o := range page {
		if o.ID != t.ID {
			list = append(list, o)
		}
	}
	if len(list) > companyOpenLimit {
		list, more = list[:companyOpenLimit], true
	}
	return list, more, nil
}
