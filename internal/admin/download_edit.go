package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadUpdate saves title, description, folder and visibility. Who may see a file is
// security-relevant, so the change is audited with the new visibility, and the
// companies ticked or unticked in a second entry.
func (a *Admin) downloadUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	f, ok := a.loadFile(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	form := web.ParseForm(w, r)
	if form.Err == "" {
		in := fileFromForm(form)
		in.ID, in.TenantID, in.Current = f.ID, f.TenantID, f.Current
		companies := formIDs(form.Values["company_id"])
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			before, err := fileCompanies(ctx, tx, v.P.TenantID, f.ID)
			if err != nil {
				return err
			}
			if err := download.Update(ctx, tx, in, companies, a.env.Now()); err != nil {
				return err
			}
			by := v.actor(r, a.env)
			what := fileTarget(in) + " visibility=" + in.Visibility
			if err := audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadChanged, what, by.IP, a.env.Now()); err != nil {
				return err
			}
			return a.auditFileCompanies(ctx, tx, r, v, in, before)
		})
		if err != nil && !form.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if form.Invalid() {
		a.renderFile(w, r, v, f, form, web.NewForm(), http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.saved", "/admin/downloads/files/"+itoa(f.ID))
}
