package admin

import (
	"errors"
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/web"
)

// staffRename changes a member's name; a refused name shows in the member's row, as
// typed.
func (a *Admin) staffRename(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		if err := a.svc.RenameStaff(r.Context(), v.Tenant, v.actor(r, a.env), id, f.Get("name")); err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		view := staffView{New: web.NewForm(), RowID: id, RowErr: f.Err, RowName: f.Get("name"), Renaming: true}
		if view.RowErr == "" {
			view.RowErr = f.Errors["name"].ID
		}
		view.New.Set("role", staff.RoleAgent)
		a.renderStaff(w, r, v, view, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.staff.saved", "/admin/staff")
}

// warnContactEmail stops an invitation once when its address belongs to a customer
// contact: a customer's address in the back office is mostly a slip (the contact was
// meant), and a staff member shares nothing with the contact of the same address.
// Ticking "invite anyway" (contact_ok) lets it through.
func (a *Admin) warnContactEmail(r *http.Request, v *visit, f *web.Form) error {
	if f.Get("contact_ok") == "1" || f.Get("email") == "" {
		return nil
	}
	ct, err := contact.ByEmail(r.Context(), a.env.DB, v.P.TenantID, f.Get("email"))
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	f.Errors.Add("email", "qa2_people.staff.is_contact", map[string]any{"Name": displayName(ct)})
	f.Set("contact_warn", "1")
	return nil
}

// staffRowName is the name a member's rename form shows: as typed when it was refused.
func staffRowName(m staff.Member, view staffView) string {
	if view.Renaming && view.RowID == m.ID {
		return view.RowName
	}
	return m.Name
}
