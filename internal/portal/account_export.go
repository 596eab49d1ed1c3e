package portal

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
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
		out.Events = append(out.Events, exportedEvent(e, c.ID, c.Email))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="pforte-meine-daten.json"`)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		p.env.Log.Warn("export", "err", err)
	}
}

// exportedEvent is an audit entry as the contact may take it home: what they did
// themselves in full, but for what someone else did (staff, a colleague, a process)
// neither that person's address nor their IP, only a neutral "staff" or "colleague".
// A sign-in attempt on the contact's own address counts as their own: it is the
// contact's security event, and their account page shows it the same way.
func exportedEvent(e audit.Entry, contactID int64, email string) exportEvent {
	ev := exportEvent{At: e.At.UTC(), Action: e.Action}
	switch {
	case strings.HasPrefix(e.Actor, "contact:"+strconv.FormatInt(contactID, 10)+" "),
		email != "" && strings.EqualFold(e.Actor, email):
		ev.By, ev.IP = e.Actor, e.IP
	case strings.HasPrefix(e.Actor, "staff:"):
		ev.By = "staff"
	case strings.HasPrefix(e.Actor, "contact:"):
		ev.By = "colleague"
	default:
		ev.By = "other"
	}
	return ev
}
