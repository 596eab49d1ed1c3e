package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/outbox"
)

// Reminded mails the ticket's opener and followers, as each chose for mails about
// their tickets, that the ticket waits for their answer, quoting staff's last public
// message (what they are to answer). With resolveAt set, a line after the button says
// by when an answer keeps the ticket from being resolved: it is not part of the
// tenant's wording of the mail, so no wording can promise what the settings do not do.
func (n Notifier) Reminded(ctx context.Context, tx db.Querier, t Ticket, resolveAt time.Time) error {
	quote, err := lastStaffAnswer(ctx, tx, t)
	if err != nil {
		return err
	}
	if !resolveAt.IsZero() {
		zone := n.Tenant.Location()
		n.extra = func(lang string) outbox.Line {
			l := i18n.For(lang)
			return outbox.Line{Text: l.T("automation.mail.resolve_line", map[string]any{"Date": l.Date(resolveAt, zone)})}
		}
	}
	return n.toContacts(ctx, tx, t, "mail.ticket_reminder", quote, nil, 0)
}

// lastStaffAnswer is the newest public message of staff on t ("" for none), found by
// the ticket's message index.
func lastStaffAnswer(ctx context.Context, q db.Querier, t Ticket) (string, error) {
	var body string
	err := q.QueryRow(ctx, `SELECT body FROM ticket_messages WHERE ticket_id = ? AND tenant_id = ? AND staff_id IS NOT NULL
		AND NOT internal ORDER BY id DESC LIMIT 1`, t.ID, t.TenantID).Scan(&body)
	if err = db.One(err); err != nil && !errors.Is(err, db.ErrNotFound) {
		return "", fmt.Errorf("ticket: last answer: %w", err)
	}
	return body, nil
}
