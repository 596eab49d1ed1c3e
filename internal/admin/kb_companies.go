package admin

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"pforte/internal/audit"
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

// kbSaveCompanies is kbSetCompanies with an audit entry naming the companies ticked
// and unticked (by id and name then) when the article's readers changed: like its
// visibility, who may read an article is the admin's to trace. A save that changed
// nothing writes nothing.
func (a *Admin) kbSaveCompanies(ctx context.Context, q db.Querier, r *http.Request, v *visit, articleID int64, ids []int64) error {
	before, err := kb.Companies(ctx, q, v.P.TenantID, articleID)
	if err != nil {
		return err
	}
	if err := kbSetCompanies(ctx, q, v.P.TenantID, articleID, ids); err != nil {
		return err
	}
	after, err := kb.Companies(ctx, q, v.P.TenantID, articleID)
	if err != nil {
		return err
	}
	change := audit.CompaniesChange(kbChosenNames(before), kbChosenNames(after))
	if change == "" {
		return nil
	}
	art, err := kb.Get(ctx, q, v.P.TenantID, articleID)
	if err != nil {
		return err
	}
	return a.kbLog(ctx, q, r, v, audit.KBCompaniesChanged, "article:"+itoa(articleID)+" "+art.Slug+change)
}

// kbChosenNames are an article's companies as audit entries name them.
func kbChosenNames(list []kb.ChosenCompany) []audit.ChosenCompany {
	out := make([]audit.ChosenCompany, len(list))
	for i, c := range list {
		out[i] = audit.ChosenCompany{ID: c.ID, Name: c.Name}
	}
	return out
}
