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
// to a portal they cannot sign in to helps nobody, so the letter has none. Its wording
// is one that does not send them there (noPortalText). With a reply address
// (canReply), a line where the button would be says that answering the mail is how to
// answer.
func withoutPortal(ctx context.Context, q db.Querier, tenantID int64, l *outbox.Letter, canReply bool) error {
	l.ActionURL = ""
	l.Data[mailtmpl.Link.Data] = ""
	if l.Override == nil {
		if err := noPortalText(ctx, q, tenantID, l); err != nil {
			return err
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

// noPortalText sets the wording of letter l for a contact without portal access. A mail
// whose point is the portal ("follow the ticket in the customer portal") has a wording
// of its own for them (mailtmpl.NoPortal), the tenant's when they wrote one, else the
// built-in one: never the tenant's text of the usual mail, which may well speak of the
// portal. Any other mail keeps the tenant's text, less the paragraphs that use a portal
// link (the built-in body when nothing is left); its built-in text fits everyone.
func noPortalText(ctx context.Context, q db.Querier, tenantID int64, l *outbox.Letter) error {
	lang := i18n.For(l.Lang).Lang
	if v, ok := mailtmpl.NoPortal(l.Key); ok {
		t, err := mailtmpl.Get(ctx, q, tenantID, v.Key, lang)
		if errors.Is(err, db.ErrNotFound) {
			t, err = mailtmpl.Default(v, lang), nil
		}
		if err != nil {
			return fmt.Errorf("ticket: mail template: %w", err)
		}
		l.Override = &t
		return nil
	}
	m, ok := mailtmpl.Lookup(l.Key)
	if !ok {
		return nil
	}
	t, err := mailtmpl.Get(ctx, q, tenantID, l.Key, lang)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return nil
	case err != nil:
		return fmt.Errorf("ticket: mail template: %w", err)
	}
	t, ok = mailtmpl.WithoutPortalLinks(t)
	if !ok {
		t.Body = mailtmpl.Default(m, lang).Body
	}
	l.Override = &t
	return nil
}
