package admin

import (
	"context"
	"errors"
	"slices"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/validate"
)

// kbSetCompanies makes ids the companies that read article articleID (when its
// visibility is "chosen companies"): those newly ticked are added, those no longer
// ticked removed. Another tenant's company is db.ErrNotFound (a 404); an archived
// one newly ticked, in a form from before it was archived, is refused beside the
// picker, while one the article had already stays.
func kbSetCompanies(ctx context.Context, q db.Querier, tenantID, articleID int64, ids []int64) error {
	had, err := kb.Companies(ctx, q, tenantID, articleID)
	if err != nil {
		return err
	}
	for _, c := range had {
		if !slices.Contains(ids, c.ID) {
			if err := kb.RemoveCompany(ctx, q, tenantID, articleID, c.ID); err != nil {
				return err
			}
		}
	}
	for _, id := range ids {
		err := kb.AddCompany(ctx, q, tenantID, articleID, id)
		switch {
		case errors.Is(err, company.ErrArchived) && slices.ContainsFunc(had, func(c kb.ChosenCompany) bool { return c.ID == id }):
		case errors.Is(err, company.ErrArchived):
			return validate.Errors{"company_id": {ID: "company_archive.refused"}}
		case err != nil:
			return err
		}
	}
	return nil
}
