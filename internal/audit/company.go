package audit

// CompanyDomainRemoved is an email domain taken off a company in the back office
// (target "domain → company", like CompanyDomainAdded): mail from it no longer leads
// to that company.
const CompanyDomainRemoved = "company_domain_removed"

// CompanyArchived and CompanyRestored are a company taken out of the portal by staff and
// brought back (target "company:ID name"): its contacts lose and regain their access.
const (
	CompanyArchived = "company_archived"
	CompanyRestored = "company_restored"
)
