package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

func (a *Admin) contactCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var co company.Company
	if id, err := strconv.ParseInt(f.Get("company_id"), 10, 64); err == nil {
		if co, err = company.Get(r.Context(), a.env.DB, v.P.TenantID, id); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if co.Archived() {
			a.env.FlashError(w, r, "company_archive.refused", "/admin/companies/"+itoa(co.ID))
			return
		}
	}
	role := f.Get("role")
	if co.ID > 0 && role != principal.RoleMain && role != principal.RoleUser {
		f.Errors.Add("role", "error.choice", nil)
	}
	var ct contact.Contact
	var welcomed bool
	if !f.Invalid() {
		in := contactFromForm(f)
		in.TenantID = v.P.TenantID
		now := a.env.Now()
		err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
			var err error
			if ct, err = contact.Create(r.Context(), tx, in, i18n.Languages, now); err != nil {
				return err
			}
			if co.ID > 0 {
				// Checked again in the transaction: a colleague may have archived it meanwhile.
				if err := company.RequireLive(r.Context(), tx, v.P.TenantID, co.ID); err != nil {
					return err
				}
				var mid int64
				if mid, err = contact.AddMembership(r.Context(), tx, v.P.TenantID, ct.ID, co.ID, role, now); err != nil {
					return err
				}
				welcomed, err = a.svc.Welcome(r.Context(), tx, v.Tenant, v.actor(r, a.env), mid, a.env.Origin(r))
			}
			return err
		})
		if errors.Is(err, company.ErrArchived) {
			a.env.FlashError(w, r, "company_archive.refused", "/admin/companies/"+itoa(co.ID))
			return
		}
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
		if err := a.nameEmailOwner(r, v, &f); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, contactNewPage(v.chrome(r, "admin.contacts.new"), f, co, v.Tenant.Has(tenant.FeatureWelcomeMail)))
		return
	}
	if welcomed {
		a.env.WakeWorker()
		a.env.Flash(w, r, "templates.welcome.contact_created", "/admin/contacts/"+itoa(ct.ID))
		return
	}
	a.env.Flash(w, r, "admin.contacts.created", "/admin/contacts/"+itoa(ct.ID))
}
