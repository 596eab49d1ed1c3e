package ticket

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
)

// withRating returns the notifier asking for a rating in the mails about t, now
// resolved or closed, when the tenant asks contacts to rate resolved tickets and the
// ticket is one to rate (RatingOffered). The rule is read in the transaction, like every
// rule that decides what happens.
func (n Notifier) withRating(ctx context.Context, tx db.Querier, t Ticket) (Notifier, error) {
	if !t.Done() {
		return n, nil
	}
	rules, err := tenant.GetTicketRules(ctx, tx, t.TenantID)
	if err != nil {
		return n, err
	}
	if !rules.Ratings {
		return n, nil
	}
	n.askRating, err = RatingOffered(ctx, tx, t) // not for a ticket staff never answered
	return n, err
}

// ratingLine adds the request to rate to the opener's mail: a line of its own after
// the button, not part of the tenant's wording of the mail, linking to the rating card
// on the ticket's page. Only the opener rates, and only after signing in, so followers
// and contacts without portal access get no such line.
func (n Notifier) ratingLine(l *outbox.Letter, t Ticket, r recipient, link string) {
	if !n.askRating || r.staff || !r.signsIn || r.contactID == 0 || r.contactID != t.ContactID {
		return
	}
	// The portal sends /rating on to the page's rating card, also by way of the login.
	l.Extra = outbox.Line{Text: i18n.For(l.Lang).T("ticket_rating.mail_line"), URL: link + "/rating"}
}
