package portal

import (
	"net/http"

	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// twoFactorView is what the account page's two-factor section shows.
type twoFactorView struct {
	web.TwoFactorState      // Required: the active company requires two factors
	Main               bool // a main contact: pointed to the company's rule on the Colleagues page
}

// loadTwoFactor reads the contact's two-factor state for the account page; f carries the
// errors of the section's forms.
func (p *Portal) loadTwoFactor(r *http.Request, v *visit, f web.Form) (twoFactorView, error) {
	ctx := r.Context()
	tf := twoFactorView{Main: v.P.IsMain(), TwoFactorState: web.TwoFactorState{F: f, Base: "/account/twofactor",
		RequiredNote: "security.required_note", Blocked: "security.disable_blocked"}}
	var err error
	if tf.On, err = twofactor.Enabled(ctx, p.env.DB, v.P.TenantID, v.P.ContactID); err != nil {
		return tf, err
	}
	if tf.On {
		if tf.Left, err = twofactor.RecoveryLeft(ctx, p.env.DB, v.P.TenantID, v.P.ContactID); err != nil {
			return tf, err
		}
	}
	tf.Required, err = twofactor.CompanyRequires(ctx, p.env.DB, v.P.TenantID, v.P.CompanyID)
	return tf, err
}

// renderTwoFactorError shows the account page again with an error in the two-factor
// section (the details form keeps its stored values).
func (p *Portal) renderTwoFactorError(w http.ResponseWriter, r *http.Request, v *visit, f web.Form) {
	p.renderAccountPage(w, r, v, detailsForm(v), f, http.StatusUnprocessableEntity)
}
