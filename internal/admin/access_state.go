package admin

import (
	"context"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/i18n"
)

// memberRow is a membership as the back office lists it, with its access state worked
// out (an invitation older than its lifetime shows as expired).
type memberRow struct {
	contact.Membership
	State string // none, invited, expired, active, revoked
	// LastMain: the only active main contact of its company (memberRows), whose
	// downgrade leaves the company without one.
	LastMain bool
}

// Paused reports whether the membership would give access but its company is
// archived: the state is kept for a restore, yet gives nothing now.
func (m memberRow) Paused() bool {
	return m.CompanyArchived && (m.State == "active" || m.State == "invited" || m.State == "expired")
}

// Shown is the access state the lists show: "paused" while Paused, else State. A
// green "active" next to an archived company would promise a sign-in that fails.
func (m memberRow) Shown() string {
	if m.Paused() {
		return "paused"
	}
	return m.State
}

func (a *Admin) rows(ms []contact.Membership) []memberRow {
	now := a.env.Now()
	out := make([]memberRow, len(ms))
	for i, m := range ms {
		out[i] = memberRow{Membership: m, State: access.State(m, now)}
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// revokeConfirm is the question before revoking m's access. It names the contact and
// the company, since the rows' buttons look alike and a misplaced click cuts off the
// wrong person; revoking a company's only active main contact says that nobody is left
// to see all its tickets, as the downgrade's question does. While the company is
// archived the access is paused already: revoking then means it stays off after a
// restore, which the plain question would not tell.
func revokeConfirm(ctx context.Context, m memberRow) string {
	if m.Paused() {
		return i18n.T(ctx, "access_paused.revoke_confirm")
	}
	data := map[string]any{"Name": m.ContactName, "Company": m.CompanyName}
	if m.LastMain {
		return i18n.T(ctx, "staff_walk.revoke_last_confirm", data)
	}
	return i18n.T(ctx, "admin.members.revoke_confirm", data)
}

// memberRoleAction is where a membership row's role select posts: an open
// invitation's role changes in place, without mailing a new link (accessRole); every
// other state grants with the role (a new invitation, or a role change of an active
// membership).
func memberRoleAction(m memberRow) string {
	if m.State == "invited" {
		return "/admin/memberships/" + itoa(m.ID) + "/role"
	}
	return "/admin/memberships/" + itoa(m.ID) + "/grant"
}
