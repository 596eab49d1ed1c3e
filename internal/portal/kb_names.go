package portal

import (
	"net/http"

	"pforte/internal/kb"
)

// kbNames loads the tenant's category names in other languages, once per request: a
// page renames what it shows with them in memory (reader.V.Lang), so its article and
// search queries stay as they are.
func (p *Portal) kbNames(r *http.Request, rd *reader) (kb.CategoryNames, error) {
	return kb.LoadCategoryNames(r.Context(), p.env.DB, rd.V.TenantID)
}

// kbPageNamed names an article's category in the reader's language, for the
// breadcrumbs.
func (p *Portal) kbPageNamed(r *http.Request, rd *reader, pg *kb.Page) error {
	if pg.CategoryID == 0 {
		return nil
	}
	names, err := p.kbNames(r, rd)
	if err != nil {
		return err
	}
	pg.CategoryName = names.Name(rd.V.Lang, pg.CategoryID, pg.CategoryName)
	return nil
}
