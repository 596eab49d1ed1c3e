package admin

import (
	"errors"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/session"
	"pforte/internal/web"
)

// companyArchive archives the company: its contacts' sessions in it end at once, and
// the access checks leave it out until it is restored; the memberships keep their
// access state for that. Archived already (a second tab, a colleague): said, nothing
// logged twice.
func (a *Admin) companyArchive(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	back := "/admin/companies/" + itoa(c.ID)
	by, now := v.actor(r, a.env), a.env.Now()
	err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		if err := company.Archive(r.Context(), tx, v.P.TenantID, c.ID, v.Member.ID, now); err != nil {
			return err
		}
		if err := session.EndForCompany(r.Context(), tx, v.P.TenantID, c.ID); err != nil {
			return err
		}
		return audit.Log(r.Context(), tx, v.P.TenantID, by.Label, audit.CompanyArchived, archiveTarget(c), by.IP, now)
	})
	switch {
	case errors.Is(err, company.ErrArchived):
		a.env.FlashInfo(w, r, "company_archive.already_archived", back)
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "company_archive.archived", back)
	}
}

// archiveTarget is the audit target of an archive or restore (fmtCompanyArchive).
func archiveTarget(c company.Company) string { return "company:" + itoa(c.ID) + " " + c.Name }

// archiveBanner puts "Archived on … by …" with the restore button above an archived
// company's page.
func archiveBanner(r *http.Request, chrome *web.Chrome, a *Admin, v *visit, c company.Company) error {
	info, err := company.GetArchive(r.Context(), a.env.DB, v.P.TenantID, c.ID)
	if err != nil {
		return err
	}
	ctx := r.Context()
	chrome.Banner = i18n.T(ctx, "company_archive.banner", map[string]any{"When": web.When(ctx, info.At), "Name": orDash(info.By)})
	chrome.BannerAction = "/admin/companies/" + itoa(c.ID) + "/restore"
	chrome.BannerButton = i18n.T(ctx, "company_archive.restore")
	return nil
}
