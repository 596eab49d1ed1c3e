package portal

import (
	"encoding/json"
	"net/http"
	"time"

	"pforte/internal/audit"
	"pforte/internal/contact"
)

// exportData is what a contact downloads about themselves: their details, their
// companies and their security events. Never the password hash.
type exportData struct {
	ExportedAt time.Time       `json:"exported_at"`
	Contact    exportContact   `json:"contact"`
	Companies  []exportCompany `json:"companies"`
	Events     []exportEvent   `json:"security_events"`
}

type exportContact struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Language  string `json:"language"`
}

type exportCompany struct {
	Name   string `json:"name"`
	Role   string `json:"role"`
	Access string `json:"access"`
}

type exportEvent struct {
	At     time.Time `json:"at"`
	Action string    `json:"action"`
	By     string    `json:"by"`
	IP     string    `json:"ip"`
}

// accountExport sends the contact's own data as a JSON file.
func (p *Portal) accountExport(w http.ResponseWriter, r *http.Request, v *visit) {
	// The download is the contact's own act (a copy of their personal data leaves the
	// portal); staff previewing the portal see the same data on the pages already.
	if v.Preview.ID != 0 {
		p.refusePreview(w, r, v)
		return
	}
	ms, err := contact.MembershipsOfContact(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	events, err := audit.ForContact(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, 1000)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	c := v.Contact
	out := exportData{ExportedAt: p.env.Now().UTC(), Contact: exportContact{c.FirstName, c.LastName, c.Email, c.Phone, c.Language}}
	for _, m := range ms {
		out.Companies = append(out.Companies, exportCompany{m.CompanyName, m.Role, m.Access})
	}
	for _, e := range events {
		out.Events = append(out.Events, exportEvent{e.At.UTC(), e.Action, e.Actor, e.IP})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="pforte-meine-daten.json"`)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		p.env.Log.Warn("export", "err", err)
	}
}
