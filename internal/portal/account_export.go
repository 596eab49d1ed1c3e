package portal

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/filestore"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// exportContact is the contact's own details in their data export. Never the
// password hash.
type exportContact struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Language  string `json:"language"`
	// Notifications are the ticket mails the contact chose (Settings → Notifications).
	Notifications exportNotifications `json:"notifications"`
}

type exportNotifications struct {
	OwnTickets        bool `json:"own_tickets"`
	FollowedTickets   bool `json:"followed_tickets"`
	CompanyNewTickets bool `json:"company_new_tickets"`
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

// accountExport sends the contact's own data as a JSON file (GDPR art. 15 and 20):
// details, memberships, security events, downloads, and the tickets they opened or
// follow with what they wrote and what staff answered (see ticket.ExportPage), and their
// answers under knowledge-base articles. The
// small parts are read first, so a database error is still an error page; downloads and
// tickets are then streamed in batches, so a contact with thousands of tickets costs
// one batch of memory, not the whole file.
func (p *Portal) accountExport(w http.ResponseWriter, r *http.Request, v *visit) {
	// The download is the contact's own act (a copy of their personal data leaves the
	// portal); staff previewing the portal see the same data on the pages already.
	if v.Preview.ID != 0 {
		p.refusePreview(w, r, v)
		return
	}
	ctx := r.Context()
	ms, err := contact.MembershipsOfContact(ctx, p.env.DB, v.P.TenantID, v.P.ContactID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	events, err := audit.ForContact(ctx, p.env.DB, v.P.TenantID, v.P.ContactID, 1000)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	n, err := contact.GetNotifications(ctx, p.env.DB, v.P.TenantID, v.P.ContactID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	now := p.env.Now()
	c := v.Contact
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", filestore.Disposition(exportFileName(r, now)))
	w.Header().Set("Cache-Control", "no-store")
	x := newExportWriter(w)
	x.field("exported_at", now.UTC())
	x.field("contact", exportContact{c.FirstName, c.LastName, c.Email, c.Phone, c.Language,
		exportNotifications{n.Own, n.Followed, n.Company}})
	x.begin("companies")
	for _, m := range ms {
		x.item(exportCompany{m.CompanyName, m.Role, m.Access})
	}
	x.end()
	x.begin("security_events")
	for _, e := range events {
		x.item(exportedEvent(e, c.ID, c.Email))
	}
	x.end()
	err = p.exportDownloads(r, v, x)
	if err == nil {
		err = p.exportTickets(r, v, ms, x)
	}
	if err == nil {
		err = p.exportKBFeedback(r, v, x)
	}
	if err == nil {
		err = p.exportSubscriptions(r, v, x)
	}
	if err == nil {
		err = x.finish()
	}
	if err != nil {
		// The headers are gone: the file stays cut off (and so is no valid JSON),
		// which the contact notices, rather than silently missing a part.
		p.env.Log.Warn("export", "contact", v.P.ContactID, "err", err)
	}
}

// exportFileName is the file's name in the contact's language with the day of the
// export in the tenant's zone: "pforte-meine-daten-2026-11-23.json".
func exportFileName(r *http.Request, now time.Time) string {
	return i18n.T(r.Context(), "export_search.file_name") + "-" + now.In(web.Zone(r.Context())).Format("2006-01-02") + ".json"
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
