package dataexport

import (
	"context"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/ticket"
)

type exportTicket struct {
	Company     string          `json:"company"`
	Number      int64           `json:"number"`
	Title       string          `json:"title"`
	Status      string          `json:"status"`
	Priority    string          `json:"priority"`
	Category    string          `json:"category,omitempty"`
	Location    string          `json:"location,omitempty"`
	Asset       string          `json:"asset,omitempty"`
	OpenedByYou bool            `json:"opened_by_you"`
	CreatedAt   time.Time       `json:"created_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
	Messages    []exportMessage `json:"messages"`
	History     []exportStep    `json:"history"`
	Ratings     []exportRating  `json:"ratings,omitempty"`
}

// exportStep is one line of a ticket's history as the portal's ticket page words it.
type exportStep struct {
	At     time.Time `json:"at"`
	Event  string    `json:"event"`
	Status string    `json:"status,omitempty"`
	Note   string    `json:"note,omitempty"`
}

type exportMessage struct {
	At          time.Time          `json:"at"`
	From        string             `json:"from"` // "you" or "staff"
	Author      string             `json:"author"`
	Via         string             `json:"via"`
	Body        string             `json:"body"`
	Attachments []exportAttachment `json:"attachments,omitempty"`
}

type exportAttachment struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Size int64  `json:"size"`
}

// writeTickets writes, for each company the contact has portal access to (every
// company of theirs with AllCompanies), the tickets they opened or follow
// (ticket.ExportPage decides what may go out), a batch at a time. In the portal a
// membership without active access shows no tickets: staff withdrew the company's data
// from this contact, and the export does not hand it back. It returns the numbers of
// the tickets written (for staff's export only, see writeOwnMessages).
func writeTickets(ctx context.Context, q db.Querier, s Subject, ms []contact.Membership, x *writer) (map[int64]bool, error) {
	tr := s.Tr
	names, err := ticket.LoadNames(ctx, q, s.Contact.TenantID)
	if err != nil {
		return nil, err
	}
	written := map[int64]bool{}
	x.begin("tickets")
	for _, m := range ms {
		if !m.Usable() && !s.AllCompanies { // no access, or an archived company's
			continue
		}
		pc := principal.Contact{TenantID: s.Contact.TenantID, ContactID: s.Contact.ID, CompanyID: m.CompanyID, Role: m.Role}
		var after int64
		for {
			page, err := ticket.ExportPage(ctx, q, pc, after)
			if err != nil {
				return nil, err
			}
			for _, t := range page {
				x.item(exportedTicket(tr, names, t, s.Contact.ID))
				after = t.ID
				if s.AllCompanies {
					written[t.ID] = true
				}
			}
			x.flush()
			if len(page) < ticket.ExportBatch || x.err != nil {
				break
			}
		}
	}
	x.end()
	return written, x.err
}

// exportedTicket is a ticket in the contact's language, as the portal shows it.
func exportedTicket(tr *i18n.Localizer, names ticket.Names, t ticket.Exported, contactID int64) exportTicket {
	out := exportTicket{Company: t.CompanyName, Number: t.ID, Title: t.Title, Status: names.Status(tr, t.Status),
		Priority: tr.T("ticket.priority." + ticket.PriorityName(t.Priority)), Category: names.Category(tr.Lang, t.CategoryID, t.CategoryName),
		Location: t.Location, Asset: t.Asset, OpenedByYou: t.ContactID == contactID,
		CreatedAt: t.CreatedAt.UTC(), UpdatedAt: t.UpdatedAt.UTC(), Messages: []exportMessage{}}
	for _, m := range t.Messages {
		em := exportMessage{At: m.CreatedAt.UTC(), From: "you", Author: m.Author, Via: m.Via, Body: m.Body}
		if m.FromStaff() {
			em.From = "staff"
		}
		for _, f := range m.Files {
			em.Attachments = append(em.Attachments, exportAttachment{f.Filename, f.ContentType, f.Size})
		}
		out.Messages = append(out.Messages, em)
	}
	out.History = []exportStep{}
	for _, e := range t.History {
		ee := exportStep{At: e.CreatedAt.UTC(), Event: tr.T("tickets.event."+e.Kind, map[string]any{"Actor": dash(e.Actor)}),
			Note: e.Note}
		if e.To.ID != 0 {
			ee.Status = names.Status(tr, e.To)
		}
		out.History = append(out.History, ee)
	}
	out.Ratings = exportedRatings(t.Ratings)
	return out
}

// dash stands for an empty name.
func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
