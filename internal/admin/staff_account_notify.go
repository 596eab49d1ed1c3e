package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/web"
)

// staffNotifyField pairs a checkbox of the notifications form with the choice it sets.
type staffNotifyField struct {
	Name, Label, Hint string
	On                func(n *staff.Notifications) *bool
}

// staffNotifyFields are the helpdesk mails a member chooses, in the order shown.
var staffNotifyFields = []staffNotifyField{
	{"new_tickets", "staff_notify.new_tickets", "staff_notify.new_tickets_hint", func(n *staff.Notifications) *bool { return &n.NewTickets }},
	{"replies_mine", "staff_notify.replies_mine", "staff_notify.replies_mine_hint", func(n *staff.Notifications) *bool { return &n.RepliesMine }},
	{"replies_unassigned", "staff_notify.replies_unassigned", "staff_notify.replies_unassigned_hint", func(n *staff.Notifications) *bool { return &n.RepliesUnassigned }},
	{"assigned", "staff_notify.assigned", "staff_notify.assigned_hint", func(n *staff.Notifications) *bool { return &n.Assigned }},
	{"followups", "weakfix.notify.followups", "weakfix.notify.followups_hint", func(n *staff.Notifications) *bool { return &n.FollowUps }},
}

// staffNotifySave stores which helpdesk mails the member wants: a ticked box is on,
// anything else off. Only the member's own row changes (the session's id; nothing in
// the form names a member). A change is audited with the new choice, so an admin who
// hears "I never got that mail" can see why.
func (a *Admin) staffNotifySave(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx, f := r.Context(), web.ParseForm(w, r)
	if f.Err != "" { // an unreadable form: say so above the choice as it is stored
		stored, err := staff.GetNotifications(ctx, a.env.DB, v.P.TenantID, v.Member.ID)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		back := staffNotifyForm(stored)
		back.Err = f.Err
		a.renderStaffAccount(w, r, v, staffAccountView{Notify: back}, http.StatusBadRequest)
		return
	}
	var n staff.Notifications
	for _, fd := range staffNotifyFields {
		*fd.On(&n) = f.Get(fd.Name) == "1"
	}
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		old, err := staff.GetNotifications(ctx, tx, v.P.TenantID, v.Member.ID)
		if err != nil || old == n {
			return err
		}
		if err := staff.SetNotifications(ctx, tx, v.P.TenantID, v.Member.ID, n); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.StaffNotificationsChanged, n.String(), by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "staff_notify.saved", "/admin/account")
}

// staffNotifyForm is the notifications form filled with the member's stored choice.
func staffNotifyForm(n staff.Notifications) web.Form {
	f := web.NewForm()
	for _, fd := range staffNotifyFields {
		f.Set(fd.Name, boolField(*fd.On(&n)))
	}
	return f
}
