package audit

import (
	"slices"
	"strconv"
)

// Actions of the companies chosen to see an article or a download (its visibility
// "chosen companies"): staff ticked or unticked companies in the company picker. The
// target is the record's own ("article:12 slug", "download:5 Title (file.pdf)")
// followed by CompaniesChange.
const (
	KBCompaniesChanged       = "kb_companies_changed"
	DownloadCompaniesChanged = "download_companies_changed"
)

// ChosenCompany is a company as the picker's entries name it: its id, which lets the
// log link it, and its name then, quoted, which tells what it was called.
type ChosenCompany struct {
	ID   int64
	Name string
}

// CompaniesChange is what changed between the companies chosen before and after, as
// ` companies +company:7 "Kunde AG" -company:8 "Alt AG"` (added first, each in the
// order given), or "" when nothing did. Names are quoted as Go strings, so a name
// with quotes or spaces reads back whole.
func CompaniesChange(before, after []ChosenCompany) string {
	has := func(list []ChosenCompany, id int64) bool {
		return slices.ContainsFunc(list, func(c ChosenCompany) bool { return c.ID == id })
	}
	out := ""
	for _, c := range after {
		if !has(before, c.ID) {
			out += " +company:" + strconv.FormatInt(c.ID, 10) + " " + strconv.Quote(c.Name)
		}
	}
	for _, c := range before {
		if !has(after, c.ID) {
			out += " -company:" + strconv.FormatInt(c.ID, 10) + " " + strconv.Quote(c.Name)
		}
	}
	if out == "" {
		return ""
	}
	return " companies" + out
}
