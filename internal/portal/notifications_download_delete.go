package portal

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// subscriptionDelete ends one of the contact's download subscriptions from the
// notification settings, whichever company it was made in and whatever became of its
// folder or file; another contact's subscription is a 404.
func (p *Portal) subscriptionDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	if err := download.UnsubscribeByID(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, id); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.Flash(w, r, "download_notify.unsubscribed", download.SettingsPath+"#downloads")
}
