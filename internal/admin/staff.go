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
