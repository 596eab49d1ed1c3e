package admin

import (
	"context"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/web"
)

// askUnassign shows the staff page with a question in member id's row when
// deactivating them would leave open tickets assigned to someone who no longer signs
// in: "N open tickets … become unassigned", confirmed with unassign_ok. It reports
// whether it asked; a member without open tickets (or already inactive) is saved at
// once. Another tenant's member is db.ErrNotFound, the 404.
func (a *Admin) askUnassign(w http.ResponseWriter, r *http.Request, v *visit, id int64, role string) (bool, error) {
	m, err := staff.Get(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil || !m.Active {
		return false, err
	}
	n, err := access.OpenAssigned(r.Context(), a.env.DB, v.P.TenantID, m.ID)
	if err != nil || n == 0 {
		return false, err
	}
	view := staffView{New: web.NewForm(), RowID: id, Unassign: n, UnassignRole: role}
	view.New.Set("role", staff.RoleAgent)
	a.renderStaff(w, r, v, view, http.StatusOK)
	return true, nil
}

// assignable reports whether tickets may be given to m: active, and signed in at
// least once (an invited member who never accepted would not see them).
func assignable(m staff.Member) bool { return m.Active && m.PasswordHash != "" }

// assigneeLabel is a member's name in an assignee choice: "(inactive)" follows a
// deactivated member who still has a ticket, so nobody takes them for a colleague at
// work.
func assigneeLabel(ctx context.Context, m staff.Member) string {
	if m.Active {
		return m.Name
	}
	return i18n.T(ctx, "qa2_people.staff.inactive_name", map[string]any{"Name": m.Name})
}
