package admin

import (
	"context"
	"strings"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/ticket"
)

// Flash ids of a sent reply or note. The ticket page after one of them forgets the
// reply's draft in the browser (ticketView.Sent, app.js).
const (
	flashReplied         = "tickets_admin.replied"
	flashRepliedArchived = "ticket_work.replied_archived"
	flashRepliedNoPortal = "ticket_work.replied_noportal"
	flashRepliedNobody   = "ticket_work.replied_nobody"
	flashNoted           = "tickets_admin.noted"
	flashRepeated        = "repeat.message_sent" // sent a moment ago already: nothing changed
)

// replyFlash is the message after a reply or note: a reply says whom it reached, since
// "emailed to the customer" is no longer true when nobody gets its mail (no contact
// with an address, mails turned off, access revoked) and says less than the agent
// should know when the mail goes without the portal's link (an archived company, or
// contacts without portal access).
func replyFlash(internal, archived bool, m ticket.Mailed) string {
	switch {
	case internal:
		return flashNoted
	case m.Contacts == 0:
		return flashRepliedNobody
	case archived:
		return flashRepliedArchived
	case m.NoPortal == m.Contacts:
		return flashRepliedNoPortal
	}
	return flashReplied
}

// replySent reports whether flash (the one the page shows now) says a reply or note was
// just saved.
func replySent(flash string) bool {
	first, _, _ := strings.Cut(flash, ",") // FlashParts: "<id>,<more>"
	switch first {
	case flashReplied, flashRepliedArchived, flashRepliedNoPortal, flashRepliedNobody, flashNoted, flashRepeated:
		return true
	}
	return false
}

// companyArchived reports whether the ticket's company is archived.
func companyArchived(ctx context.Context, q db.Querier, t ticket.Ticket) (bool, error) {
	a, err := company.GetArchive(ctx, q, t.TenantID, t.CompanyID)
	return !a.At.IsZero(), err
}
