package kb

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/localname"
)

// categoryNames is where category names in other languages live (migration 00045).
var categoryNames = localname.Table{Names: "kb_category_names", Ref: "category_id", Rows: "kb_categories"}

// CategoryNames are a tenant's category names in the portal's languages; a language
// without one shows the main name. Portal pages load them once per request and rename
// what they show, so the article and search queries stay without a join.
type CategoryNames struct{ localname.Names }

// LoadCategoryNames reads the tenant's category names in other languages.
func LoadCategoryNames(ctx context.Context, q db.Querier, tenantID int64) (CategoryNames, error) {
	n, err := localname.Load(ctx, q, categoryNames, tenantID)
	return CategoryNames{n}, err
}

// SaveCategoryNames replaces the names of the tenant's category id by language (empty:
// the main name), checked like the main name (MaxCategoryName). changed reports
// whether anything differs from before; another tenant's category is db.ErrNotFound.
func SaveCategoryNames(ctx context.Context, q db.Querier, tenantID, id int64, names map[string]string) (changed bool, err error) {
	return localname.Save(ctx, q, categoryNames, tenantID, id, names, MaxCategoryName)
}

// Categories renames cats into lang.
func (n CategoryNames) Categories(lang string, cats []Category) {
	for i, c := range cats {
		cats[i].Name = n.Name(lang, c.ID, c.Name)
	}
}

// Summaries renames the articles' categories into lang.
func (n CategoryNames) Summaries(lang string, list []Summary) {
	for i, s := range list {
		if s.CategoryID != 0 {
			list[i].CategoryName = n.Name(lang, s.CategoryID, s.CategoryName)
		}
	}
}
