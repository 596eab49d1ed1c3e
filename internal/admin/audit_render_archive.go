package admin

import "strings"

// fmtCompanyArchive: "company:7 Kunde AG", a company archived or restored, linked by its
// id while it exists; the name as it was then.
func fmtCompanyArchive(d *detailCtx, s string) []detailPart {
	id, name, ok := strings.Cut(strings.TrimPrefix(s, "company:"), " ")
	if !ok || !strings.HasPrefix(s, "company:") || name == "" {
		return nil
	}
	return []detailPart{d.link("company", id, name, false)}
}

// fmtCompanyCreated: "company:7 Kunde AG", linked like an archived company. Entries
// written before the id was stored hold the bare name, shown as written.
func fmtCompanyCreated(d *detailCtx, s string) []detailPart {
	if strings.HasPrefix(s, "company:") {
		return fmtCompanyArchive(d, s)
	}
	return fmtCompany(d, s)
}
