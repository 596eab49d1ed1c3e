package admin

import (
	"context"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// staffAccountView is what "My account" shows: the details form, the password form,
// the helpdesk's mail choice and the two-factor section, each with its own errors.
type staffAccountView struct {
	Email     string
	Details   web.Form
	Password  web.Form
	TwoFactor web.TwoFactorState // Required: the tenant requires it of staff
	Signature web.Form           // staff_signature.go
	Notify    web.Form           // staff_account_notify.go; shown only with the helpdesk
	Helpdesk  bool
	Sessions  []session.Active // where the member is signed in (staff_account_sessions.go)
}

// staffAccount shows the member's own account page.
func (a *Admin) staffAccount(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderStaffAccount(w, r, v, staffAccountView{}, http.StatusOK)
}

// staffDetailsForm is the details form filled with the stored values.
func staffDetailsForm(v *visit) web.Form {
	f := web.NewForm()
	f.Set("name", v.Member.Name)
	f.Set("language", v.Member.Language)
	return f
}

// renderStaffAccount fills the forms view leaves empty and shows the page.
func (a *Admin) renderStaffAccount(w http.ResponseWriter, r *http.Request, v *visit, view staffAccountView, status int) {
	var err error
	view.Email = v.Member.Email
	if view.Details.Values == nil {
		view.Details = staffDetailsForm(v)
	}
	if view.Password.Values == nil {
		view.Password = web.NewForm()
	}
	if view.TwoFactor.F.Values == nil {
		view.TwoFactor.F = web.NewForm()
	}
	view.TwoFactor.Base = "/admin/account/twofactor"
	if view.Sessions, err = session.ListActive(r.Context(), a.env.DB, staffSessionOwner(v), v.P.SessionID, a.env.Now()); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	view.TwoFactor.Required = v.Tenant.Has(tenant.FeatureStaffTwoFactor)
	view.TwoFactor.RequiredNote, view.TwoFactor.Blocked = "staff_policy.required_note", "staff_policy.disable_blocked"
	ctx := r.Context()
	if view.TwoFactor.On, err = twofactor.Staff.Enabled(ctx, a.env.DB, v.P.TenantID, v.P.StaffID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if view.TwoFactor.On {
		if view.TwoFactor.Left, err = twofactor.Staff.RecoveryLeft(ctx, a.env.DB, v.P.TenantID, v.P.StaffID); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if view.Signature.Values == nil {
		if view.Signature, err = a.staffSignatureForm(ctx, v); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	// The helpdesk's mails are all there is to choose; without it the section goes.
	if view.Helpdesk = usesHelpdesk(v.Tenant); view.Helpdesk && view.Notify.Values == nil {
		n, err := staff.GetNotifications(ctx, a.env.DB, v.P.TenantID, v.Member.ID)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		view.Notify = staffNotifyForm(n)
	}
	web.Render(w, r, status, staffAccountPage(v.chrome(r, "staff_account.title"), view))
}

// staffLanguageChoices are the languages a member can pick, led by "the portal's
// default" (stored as empty, so a later change of the default applies).
func staffLanguageChoices(ctx context.Context, cur string) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "staff_account.language_default"), Selected: cur == ""}}
	for _, l := range i18n.Languages {
		out = append(out, web.Choice{Value: l, Label: i18n.Names[l], Selected: l == cur})
	}
	return out
}
