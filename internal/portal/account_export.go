package portal

import (
	"net/http"

	"pforte/internal/dataexport"
	"pforte/internal/i18n"
)

// accountExport sends the contact's own data as a JSON file (GDPR art. 15 and 20); see
// dataexport.Send for what it holds and leaves out. The tickets are those of the
// companies the contact has portal access to, in the contact's language, and the
// knowledge-base titles as the contact reads them in the company they act for.
func (p *Portal) accountExport(w http.ResponseWriter, r *http.Request, v *visit) {
	// The download is the contact's own act (a copy of their personal data leaves the
	// portal); staff previewing the portal see the same data on the pages already.
	if v.Preview.ID != 0 {
		p.refusePreview(w, r, v)
		return
	}
	s := dataexport.Subject{Tenant: v.Tenant, Contact: v.Contact, Viewer: v.P, Tr: i18n.From(r.Context())}
	started, err := dataexport.Send(r.Context(), p.env.DB, w, s, p.env.Now())
	switch {
	case err != nil && !started:
		p.env.Fail(w, r, err)
	case err != nil:
		p.env.Log.Warn("export", "contact", v.P.ContactID, "err", err)
	}
}
