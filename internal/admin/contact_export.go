package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/dataexport"
	"pforte/internal/i18n"
	"pforte/internal/principal"
)

// contactExport sends an admin the contact's data export (GDPR art. 15), for a contact
// who asks by phone or letter: the file the contact downloads in the portal
// (dataexport.Send), in the contact's language, with the tickets of every company of
// theirs and what the contact wrote on any other ticket (Subject.AllCompanies), never
// internal notes; the file is named with the contact's number in the admin's language.
// The audit log records it first, so no copy leaves without an entry; it is a POST, so
// a prefetch or a HEAD request neither runs the export nor logs one. An erased contact
// has nothing left to export.
func (a *Admin) contactExport(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if !ok {
		return
	}
	if access.IsDeletedEmail(c.Email) {
		a.env.FlashInfo(w, r, "contact_erase.already", "/admin/contacts/"+itoa(c.ID))
		return
	}
	ms, err := contact.MembershipsOfContact(r.Context(), a.env.DB, v.P.TenantID, c.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	lang := c.Language
	if lang == "" {
		lang = v.Tenant.DefaultLanguage
	}
	s := dataexport.Subject{Tenant: v.Tenant, Contact: c, Tr: i18n.For(lang), AllCompanies: true,
		FilePrefix: i18n.T(r.Context(), "contact_erase.file_name", map[string]any{"ID": c.ID})}
	// Knowledge-base titles as the contact reads them in a company they may sign in to
	// (not an archived one, whose access counts for nothing).
	for _, m := range ms {
		if m.Usable() {
			s.Viewer = principal.Contact{TenantID: c.TenantID, ContactID: c.ID, CompanyID: m.CompanyID, Role: m.Role}
			break
		}
	}
	if err := a.svc.LogDataExported(r.Context(), v.actor(r, a.env), c); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	started, err := dataexport.Send(r.Context(), a.env.DB, w, s, a.env.Now())
	switch {
	case err != nil && !started:
		a.env.Fail(w, r, err)
	case err != nil:
		a.env.Log.Warn("staff export", "contact", c.ID, "err", err)
	}
}
