package portal

import (
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/web"
)

// notificationsSave stores the contact's choice of ticket mails. The choice about
// colleagues' new tickets is kept as it was when the form did not offer it (the
// contact is main contact nowhere now), so it comes back with the role.
func (p *Portal) notificationsSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	n, err := contact.GetNotifications(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if f.Err != "" { // an unreadable form: say so above the choice as it is stored
		p.renderNotifications(w, r, v, n, f, http.StatusBadRequest)
		return
	}
	n.Own, n.Followed = f.Get("own") == "1", f.Get("followed") == "1"
	if mainSomewhere(v) {
		n.Company = f.Get("company") == "1"
	}
	if err := p.svc.SetNotifications(r.Context(), v.P, n, v.actor(r, p.env)); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.Flash(w, r, "notify.saved", "/settings/notifications")
}
