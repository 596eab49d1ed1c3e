package ticket

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
	"pforte/internal/outbox"
)

// withoutPortal fits letter l to a contact without active portal access to the
// ticket's company (made from an inbound mail, never granted, or revoked): a button
// to a portal they cannot sign in to helps nobody, so the letter has none, and its
// {{link}} is empty in a tenant's own text. Where the built-in text sends the reader to
// the portal ("follow the ticket in the customer portal"), the mail's variant for them
// (mailtmpl.NoPortal) takes its place, unless the tenant wrote their own text of the
// mail, which stays theirs. With a reply address (canReply), a line where the button
// would be says that answering the mail is how to answer.
func withoutPortal(ctx context.Context, q db.Querier, tenantID int64, l *outbox.Letter, canReply bool) error {
	l.ActionURL = ""
	l.Data[mailtmpl.Link.Data] = ""
	if m, ok := mailtmpl.Lookup(l.Key); ok && l.Override == nil {
		lang := i18n.For(l.Lang).Lang
		if text, ok := mailtmpl.NoPortal(m, lang); ok {
			_, err := mailtmpl.Get(ctx, q, tenantID, l.Key, lang)
			switch {
			case errors.Is(err, db.ErrNotFound):
				l.Override = &text
			case err != nil:
				return fmt.Errorf("ticket: mail template: %w", err)
			}
		}
	}
	if !canReply {
		return nil
	}
	hint := i18n.For(l.Lang).T("mailfix.reply_hint")
	if l.Extra.Text != "" { // a reminder's "resolved by" line: both are said
		hint += " " + l.Extra.Text
	}
	l.Extra = outbox.Line{Text: hint, URL: l.Extra.URL}
	return nil
}
