package admin

import (
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// heartbeat admits the ticket page's heartbeat like helpdesk does a page, with three
// differences. A session that ended, or a member held at the two-factor setup, gets
// 204 and nothing else: the usual answer to htmx (go to the login page) would throw
// away what is in the reply box, while sending the form says the session ended and
// keeps the text. And the flash waiting for the next page is left for it (a beat
// from another tab would take it).
func (a *Admin) heartbeat(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, ok := a.resolve(r)
		if !ok {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if !v.Tenant.HasModule(helpdeskModule) {
			a.env.NotFound(w, r)
			return
		}
		if v.Tenant.Has(tenant.FeatureStaffTwoFactor) {
			on, err := twofactor.Staff.Enabled(r.Context(), a.env.DB, v.P.TenantID, v.P.StaffID)
			if err != nil {
				a.env.Fail(w, r, err)
				return
			}
			if !on {
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		ctx := principal.WithStaff(r.Context(), v.P)
		ctx = i18n.With(ctx, i18n.For(web.PersonLanguage(r, v.Tenant, v.Member.Language)))
		r = r.WithContext(ctx)
		r = r.WithContext(web.WithChrome(ctx, func(id string) web.Chrome { return v.chrome(r, id) })) // the 404 page's frame
		h(w, r, v)
	}
}
