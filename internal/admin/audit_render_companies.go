package admin

import (
	"regexp"
	"strconv"
)

var (
	// `article:12 printer-setup companies +company:7 "Kunde AG" -company:8 "Alt AG"`,
	// the record as its other entries name it, then audit.CompaniesChange
	detailCompanies = regexp.MustCompile(`^(.*) companies((?: [+-]company:\d+ "(?:[^"\\]|\\.)*")+)$`)
	detailCompany   = regexp.MustCompile(` ([+-])company:(\d+) ("(?:[^"\\]|\\.)*")`)
)

// fmtArticleCompanies: the companies ticked and unticked for an article.
func fmtArticleCompanies(d *detailCtx, s string) []detailPart {
	return companiesDetail(d, s, fmtArticle)
}

// fmtDownloadCompanies: the companies ticked and unticked for a download.
func fmtDownloadCompanies(d *detailCtx, s string) []detailPart {
	return companiesDetail(d, s, fmtDownload)
}

// companiesDetail is "Article “Title” (#12) – companies added: Kunde AG, Zwei AG;
// companies removed: Alt AG": the record as record renders it, then each company by
// the name it had, linked by its id while it exists.
func companiesDetail(d *detailCtx, s string, record detailFormat) []detailPart {
	m := detailCompanies.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	rec := record(d, m[1])
	if rec == nil {
		return nil
	}
	var added, removed [][]detailPart
	for _, c := range detailCompany.FindAllStringSubmatch(m[2], -1) {
		name, err := strconv.Unquote(c[3])
		if err != nil {
			return nil
		}
		part := []detailPart{d.link("company", c[2], name, false)}
		if c[1] == "+" {
			added = append(added, part)
		} else {
			removed = append(removed, part)
		}
	}
	var changes [][]detailPart
	if len(added) > 0 {
		changes = append(changes, d.n("audit_details.companies_added", len(added), map[string]any{"Companies": joinParts(added, ", ")}))
	}
	if len(removed) > 0 {
		changes = append(changes, d.n("audit_details.companies_removed", len(removed), map[string]any{"Companies": joinParts(removed, ", ")}))
	}
	return d.t("audit_details.companies_changed", map[string]any{"Record": rec, "Changes": joinParts(changes, "; ")})
}
