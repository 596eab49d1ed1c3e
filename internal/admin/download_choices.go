package admin

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"pforte/internal/company"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// pickerSuggestions is how many companies the visibility picker offers besides the
// chosen ones; a search narrows them, so the page stays small with many companies.
const pickerSuggestions = 20

// folderChoices are the folders for a select, indented by depth, led by the top level.
// Folder skip and everything below it are left out (a folder cannot move into itself).
func folderChoices(ctx context.Context, all []download.Folder, skip int64, selected int64) []web.Choice {
	out := []web.Choice{{Value: "0", Label: i18n.T(ctx, "downloads_admin.top_level"), Selected: selected == 0}}
	skipDepth := -1
	for _, f := range download.Tree(all) {
		if skipDepth >= 0 && f.Depth > skipDepth {
			continue
		}
		skipDepth = -1
		if f.ID == skip {
			skipDepth = f.Depth
			continue
		}
		out = append(out, web.Choice{Value: strconv.FormatInt(f.ID, 10),
			Label: strings.Repeat("\u00a0\u00a0\u00a0", f.Depth+1) + f.Name, Selected: f.ID == selected})
	}
	return out
}

// formIDs reads the positive ids of a repeated field (checkboxes); anything else is
// dropped, like an id of no company.
func formIDs(vals []string) []int64 {
	var out []int64
	for _, s := range vals {
		if id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && id > 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// companyPicker is the visibility field's list: the chosen companies, checked, and
// suggestions matching a search (or the first by name), unchecked.
type companyPicker struct {
	Chosen      []download.CompanyRef
	Suggestions []download.CompanyRef
	Search      string
	Error       string // translated error of the field
}

// picker builds the company list for the chosen ids and a search term.
func (a *Admin) picker(r *http.Request, v *visit, chosen []int64, search string) (companyPicker, error) {
	ctx := r.Context()
	// Cut to the box's maxlength, as the download search is: a hand-made address's
	// longer search is neither run nor echoed whole.
	p := companyPicker{Search: download.SearchQuery(search)}
	var err error
	if p.Chosen, err = download.CompanyNames(ctx, a.env.DB, v.P.TenantID, chosen); err != nil {
		return p, err
	}
	list, _, err := company.List(ctx, a.env.DB, v.P.TenantID, company.ListParams{Search: p.Search, Limit: pickerSuggestions + len(p.Chosen)})
	if err != nil {
		return p, err
	}
	for _, c := range list {
		if !slices.Contains(chosen, c.ID) && len(p.Suggestions) < pickerSuggestions {
			p.Suggestions = append(p.Suggestions, download.CompanyRef{ID: c.ID, Name: c.Name})
		}
	}
	return p, nil
}

// downloadCompanies answers the picker's search (htmx): the list again, with the
// companies checked so far kept checked.
func (a *Admin) downloadCompanies(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	p, err := a.picker(r, v, formIDs(q["company_id"]), strings.TrimSpace(q.Get("company_q")))
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, companyPickerList(p))
}
