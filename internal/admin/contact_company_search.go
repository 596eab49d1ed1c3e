package admin

import "pforte/internal/company"

// companySearchMax is how many companies the contact page's "add to another company"
// search lists; when more match, the page says so (companySearch.More), as the
// queue's company filter does, rather than leaving the one sought silently out.
const companySearchMax = 10

// companySearch is the contact page's search for a company to add the contact to.
type companySearch struct {
	Q     string            // what was typed
	Found []company.Company // the first companySearchMax matches
	More  bool              // more companies match than are listed
}

// memberOf reports whether rows (the contact's memberships) include companyID: the
// search marks such a company instead of offering to add it again.
func memberOf(rows []memberRow, companyID int64) bool {
	for _, m := range rows {
		if m.CompanyID == companyID {
			return true
		}
	}
	return false
}
