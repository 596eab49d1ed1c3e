package audit

// CompanyDomainRemoved is an email domain taken off a company in the back office
// (target "domain → company", like CompanyDomainAdded): mail from it no longer leads
// to that company.
const CompanyDomainRemoved = "company_domain_removed"
