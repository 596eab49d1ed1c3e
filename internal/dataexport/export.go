// Package dataexport writes a contact's own data as one JSON file (GDPR art. 15 and 20):
// details, memberships, security events, how they sign in (sessions, passkeys, whether
// the authenticator app is on), downloads, the tickets they opened or follow
// with what they wrote and what staff answered, their answers under knowledge-base
// articles and their download subscriptions. The portal hands it to the contact, the
// back office to an admin answering a request by phone or letter: one writer, so both
// give out the same file and leave out the same things (internal notes, colleagues'
// messages, storage keys, the password hash).
package dataexport

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// Subject is whose data goes out and how the file reads.
type Subject struct {
	Tenant  tenant.Tenant
	Contact contact.Contact
	// Viewer is the company knowledge-base titles are read for (the contact's current
	// one in the portal); zero reads them as the public does.
	Viewer principal.Contact
	// Tr is the language of the file: statuses, priorities, history and the file name.
	Tr *i18n.Localizer
	// AllCompanies takes the tickets of every company the contact belongs to, and adds
	// the contact's own messages on every other ticket of the tenant (writeOwnMessages).
	// The portal leaves out companies whose access staff withdrew (the export does not
	// hand back what staff took away); staff answering an access request decide
	// themselves and need what the contact wrote wherever they wrote it.
	AllCompanies bool
	// FilePrefix names the file instead of the portal's "my data" (staff keep several
	// contacts' files apart by the contact's number); the day is added to it.
	FilePrefix string
}

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

// MaxEvents bounds the security events in an export, the newest ones: they are read
// whole before the file starts. The account page names the bound.
const MaxEvents = 1000

// Send writes s's export to w as a download. The small parts are read first: on an
// error there, nothing is written and started is false, so the caller can still answer
// with an error page. Downloads and tickets are then streamed in batches, so a contact
// with thousands of tickets costs one batch of memory, not the whole file; an error
// after the start leaves the file cut off (and so no valid JSON), which its reader
// notices, rather than silently missing a part.
func Send(ctx context.Context, q db.Querier, w http.ResponseWriter, s Subject, now time.Time) (started bool, err error) {
	c := s.Contact
	ms, err := contact.MembershipsOfContact(ctx, q, c.TenantID, c.ID)
	if err != nil {
		return false, err
	}
	events, err := audit.ForContact(ctx, q, c.TenantID, c.ID, MaxEvents)
	if err != nil {
		return false, err
	}
	n, err := contact.GetNotifications(ctx, q, c.TenantID, c.ID)
	if err != nil {
		return false, err
	}
	signs, err := readSignIn(ctx, q, c, now)
	if err != nil {
		return false, err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", filestore.Disposition(FileName(s, now)))
	w.Header().Set("Cache-Control", "no-store")
	x := newWriter(web.Sliding(w)) // a long file is not cut off by the server's write timeout
	x.field("exported_at", now.UTC())
	x.field("contact", exportContact{c.FirstName, c.LastName, c.Email, c.Phone, c.Language,
		exportNotifications{n.Own, n.Followed, n.Company}})
	x.begin("companies")
	for _, m := range ms {
		state := m.Access
		if m.CompanyArchived {
			state = "archived" // whatever access it had: none while archived
		}
		x.item(exportCompany{m.CompanyName, m.Role, state})
	}
	x.end()
	x.begin("security_events")
	for _, e := range events {
		x.item(exportedEvent(e, c.ID, c.Email))
	}
	x.end()
	signs.write(x)
	err = writeDownloads(ctx, q, s, x)
	var written map[int64]bool
	if err == nil {
		written, err = writeTickets(ctx, q, s, ms, x)
	}
	if err == nil && s.AllCompanies {
		err = writeOwnMessages(ctx, q, s, written, x)
	}
	if err == nil {
		err = writeKBFeedback(ctx, q, s, x)
	}
	if err == nil {
		err = writeSubscriptions(ctx, q, s, x)
	}
	if err == nil {
		err = x.finish()
	}
	return true, err
}

// FileName is the file's name in the export's language with the day of the export in
// the tenant's zone: "pforte-meine-daten-2026-11-23.json".
func FileName(s Subject, now time.Time) string {
	prefix := s.FilePrefix
	if prefix == "" {
		prefix = s.Tr.T("export_search.file_name")
	}
	return prefix + "-" + now.In(s.Tenant.Location()).Format("2006-01-02") + ".json"
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
