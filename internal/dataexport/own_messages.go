package dataexport

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// exportOwnMessage is a message the contact wrote on a ticket the file holds no entry
// for, with the ticket it stands on.
type exportOwnMessage struct {
	Ticket      int64              `json:"ticket"`
	Title       string             `json:"title"`
	Company     string             `json:"company"`
	At          time.Time          `json:"at"`
	Author      string             `json:"author"`
	Via         string             `json:"via"`
	Body        string             `json:"body"`
	Attachments []exportAttachment `json:"attachments,omitempty"`
}

// writeOwnMessages writes, for staff's export (Subject.AllCompanies), what the contact
// wrote on tickets not in "tickets": tickets they no longer open or follow, in a status
// the portal hides, of a company they left. Personal data in the sense of an access
// request is everything the person wrote, wherever it stands; only their own public
// messages go out, never internal notes nor what others wrote there. The portal's
// export leaves this part out: it hands back what the contact may see in the portal.
func writeOwnMessages(ctx context.Context, q db.Querier, s Subject, written map[int64]bool, x *writer) error {
	x.begin("messages_on_other_tickets")
	var after int64
	for {
		page, err := ticket.OwnMessagesPage(ctx, q, s.Contact.TenantID, s.Contact.ID, after)
		if err != nil {
			return err
		}
		for _, m := range page {
			after = m.ID
			if written[m.TicketID] {
				continue // in "tickets" already, with the answers
			}
			em := exportOwnMessage{Ticket: m.TicketID, Title: m.TicketTitle, Company: m.CompanyName,
				At: m.CreatedAt.UTC(), Author: m.Author, Via: m.Via, Body: m.Body}
			for _, f := range m.Files {
				em.Attachments = append(em.Attachments, exportAttachment{f.Filename, f.ContentType, f.Size})
			}
			x.item(em)
		}
		x.flush()
		if len(page) < ticket.ExportBatch || x.err != nil {
			break
		}
	}
	x.end()
	return x.err
}
