package admin

import (
	"context"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// staffView is what the staff page shows: the members, the "new member" form and, when
// a row's change was refused, which row and why.
type staffView struct {
	Members []staff.Member
	SelfID  int64
	New     web.Form
	RowID   int64  // member whose change was refused
	RowErr  string // message id shown in that row
	// RowName is the name typed into the refused row's rename form, which stays open
	// (Renaming).
	RowName  string
	Renaming bool
	TwoFA    map[int64]bool // members with two-factor sign-in on
	// Unassign asks before RowID is deactivated: this many open tickets would go back
	// to nobody (staffUnassignAsk); Role is the role the form was sent with.
	Unassign     int
	UnassignRole string
}

// staffList shows the tenant's staff with a form per row and one to invite a member.
func (a *Admin) staffList(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("role", staff.RoleAgent) // most new members answer tickets; admins are few
	a.renderStaff(w, r, v, staffView{New: f}, http.StatusOK)
}

// staffCreate invites a new staff member; they get a mail with a link to set a password.
func (a *Admin) staffCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		if err := a.warnContactEmail(r, v, &f); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if !f.Invalid() {
		m := staff.Member{Name: f.Get("name"), Email: f.Get("email"), Role: f.Get("role")}
		_, err := a.svc.InviteStaff(r.Context(), v.Tenant, v.actor(r, a.env), m, a.env.Origin(r))
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderStaff(w, r, v, staffView{New: f}, http.StatusUnprocessableEntity)
		return
	}
	a.env.WakeWorker() // deliver the invitation now rather than at the worker's next poll
	a.env.Flash(w, r, "admin.staff.invited", "/admin/staff")
}

// staffUpdate changes a member's role and whether they may log in. A member of another
// tenant is a 404; demoting or deactivating the last admin is refused in that row.
func (a *Admin) staffUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" && f.Get("active") == "" && f.Get("unassign_ok") != "1" {
		if asked, err := a.askUnassign(w, r, v, id, f.Get("role")); asked || err != nil {
			if err != nil {
				a.env.Fail(w, r, err)
			}
			return
		}
	}
	if f.Err == "" {
		active := f.Get("active") != ""
		err := a.svc.UpdateStaff(r.Context(), v.Tenant, v.actor(r, a.env), id, f.Get("role"), active)
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err) // db.ErrNotFound (another tenant's member) becomes the 404
			return
		}
	}
	if f.Invalid() {
		view := staffView{New: web.NewForm(), RowID: id, RowErr: f.Err}
		if view.RowErr == "" {
			for _, m := range f.Errors { // one field per row form: show its message
				view.RowErr = m.ID
			}
		}
		view.New.Set("role", staff.RoleAgent)
		a.renderStaff(w, r, v, view, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.staff.saved", "/admin/staff")
}

func (a *Admin) renderStaff(w http.ResponseWriter, r *http.Request, v *visit, view staffView, status int) {
	list, err := staff.List(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	view.Members, view.SelfID = list, v.P.StaffID
	if view.TwoFA, err = twofactor.Staff.EnabledIDs(r.Context(), a.env.DB, v.P.TenantID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, staffPage(v.chrome(r, "admin.staff.title"), view))
}

// staffRoleChoices are the roles a staff member can have.
func staffRoleChoices(ctx context.Context) []web.Choice {
	return []web.Choice{
		{Value: staff.RoleAgent, Label: i18n.T(ctx, "role.agent")},
		{Value: staff.RoleAdmin, Label: i18n.T(ctx, "role.admin")},
	}
}

// staffState names a member's state for the badge: invited members have not set a
// password yet, inactive ones may not log in.
func staffState(m staff.Member) string {
	switch {
	case !m.Active:
		return "inactive"
	case m.PasswordHash == "":
		return "invited"
	}
	return "active"
}

// staffBadge is the CSS class of a staff state's badge.
func staffBadge(state string) string {
	switch state {
	case "active":
		return "badge ok"
	case "invited":
		return "badge warn"
	}
	return "badge muted"
}
