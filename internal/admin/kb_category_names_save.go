package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/localname"
	"pforte/internal/web"
)

// kbCategoryNamesSave stores a category's names; a change is in the audit log with
// the names as they are now.
func (a *Admin) kbCategoryNamesSave(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := loadByPath(a, w, r, v, kb.GetCategory)
	if !ok {
		return
	}
	ctx := r.Context()
	f := web.ParseForm(w, r)
	if f.Err == "" {
		names := readNames(&f, kb.MaxCategoryName)
		if !f.Invalid() {
			err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
				changed, err := kb.SaveCategoryNames(ctx, tx, v.P.TenantID, c.ID, names)
				if err != nil || !changed {
					return err
				}
				by := v.actor(r, a.env)
				return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.KBCategoryNames,
					"category:"+itoa(c.ID)+" "+c.Name+namesAudit(localname.Tidy(names)), by.IP, a.env.Now())
			})
			if err != nil && !f.Take(err) {
				a.env.Fail(w, r, err)
				return
			}
		}
	}
	if f.Invalid() {
		a.renderKBCategoryNames(w, r, v, c, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "kb_names.saved", "/admin/kb/categories")
}
