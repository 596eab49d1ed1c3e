package portal

import (
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/download"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// notifications shows which ticket mails the contact gets, to change.
func (p *Portal) notifications(w http.ResponseWriter, r *http.Request, v *visit) {
	n, err := contact.GetNotifications(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.renderNotifications(w, r, v, n, web.NewForm(), http.StatusOK)
}

// renderNotifications shows the choice n; f carries a form-wide error, if any.
func (p *Portal) renderNotifications(w http.ResponseWriter, r *http.Request, v *visit, n contact.Notifications, f web.Form, status int) {
	// The contact's download subscriptions, in every company, each to end in one click.
	subs, err := download.ContactSubscriptions(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, 0,
		download.MaxSubscriptionsShown)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	sl := subscriptionList{Subs: subs, Companies: len(v.Companies) > 1,
		Show: len(subs) > 0 || v.Tenant.HasModule(download.Module)}
	c := v.chrome(r, "notify.title", "settings")
	web.Render(w, r, status, notificationsPage(c, n, mainSomewhere(v), f, sl))
}

// mainSomewhere reports whether the contact is main contact of any of their companies:
// only then is a mail about colleagues' new tickets theirs to choose.
func mainSomewhere(v *visit) bool {
	for _, m := range v.Companies {
		if m.Role == principal.RoleMain {
			return true
		}
	}
	return false
}
