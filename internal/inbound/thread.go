package inbound

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/mail"
)

// threadLook bounds how many of a sender's latest mail items are searched for the one
// an answer continues.
const threadLook = 200

// thread adds d to the mail item whose answer by staff ("Reply to the sender") it
// answers, and returns that item's id (0: d answers none, and makes an item of its
// own). Staff's answer went out through the outbox with its own Message-ID, which the
// item keeps as MailPayload.ReplyMailID; d must name it in In-Reply-To or References
// and come from the address it went to, as a ticket's answer must, and the tenant's
// trusted mail server must not have failed the sender check (a quoted Message-ID is no
// secret: a forged From with it must not rewrite and reopen someone's item). The mail
// the item showed moves into its conversation (MailPayload.Earlier), d becomes the mail
// the item shows and acts on (a ticket made of it, a further answer threads under d),
// and a handled item opens again. Automatic mail (an out-of-office note) never reopens
// one. An item that holds inbox.MaxTurns mails takes no more: follows is then that
// item, for the new item d makes to name it.
func thread(ctx context.Context, tx db.Querier, d Delivery, p inbox.MailPayload) (id, follows int64, err error) {
	id, mailID, err := continued(ctx, tx, d)
	if err != nil || id == 0 {
		return 0, 0, err
	}
	// Read again under the row's lock: another answer (or staff's action) may have
	// changed the payload since continued read it.
	it, err := inbox.Lock(ctx, tx, d.TenantID, id)
	if err != nil {
		return 0, 0, err
	}
	var old inbox.MailPayload
	if err := it.Decode(&old); err != nil {
		return 0, 0, nil // an unreadable payload answers nothing
	}
	if !old.AnsweredBy(mailID) { // redacted meanwhile (the sender was erased)
		return 0, 0, nil
	}
	if old.Crowded() {
		return 0, id, nil
	}
	return id, 0, continueItem(ctx, tx, d, it, old, p)
}

// Continues returns the mail item d would continue in the inbox (see thread), 0 for
// none: a router sends such a mail to the inbox (ToInbox) rather than opening a ticket
// of a conversation staff hold there.
func Continues(ctx context.Context, tx db.Querier, d Delivery) (int64, error) {
	id, _, err := continued(ctx, tx, d)
	return id, err
}

// continued finds the item d continues and the outbox mail of staff's answer that d
// answers.
func continued(ctx context.Context, tx db.Querier, d Delivery) (int64, int64, error) {
	m := d.Message
	if m.AutoReason != "" || d.Auth.Failed() {
		return 0, 0, nil
	}
	sender := strings.ToLower(m.From.Address)
	mails := map[int64]bool{}
	for _, mid := range append(append([]string{}, m.InReplyTo...), m.References...) {
		if mid == "" {
			continue
		}
		sent, queued := mail.StoredIDs(clip(mid, 500))
		rows, err := tx.Query(ctx, `SELECT id FROM mails WHERE tenant_id = ? AND message_id IN (?, ?) AND LOWER(to_addr) = ?
			AND ticket_id IS NULL`, d.TenantID, sent, queued, sender)
		if err != nil {
			return 0, 0, fmt.Errorf("inbound: thread: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return 0, 0, err
			}
			mails[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, 0, err
		}
	}
	if len(mails) == 0 {
		return 0, 0, nil
	}
	payloads, ids, err := inbox.MailItemsFrom(ctx, tx, d.TenantID, sender, threadLook)
	if err != nil {
		return 0, 0, err
	}
	for _, id := range ids {
		for mailID := range mails {
			if payloads[id].AnsweredBy(mailID) {
				return id, mailID, nil
			}
		}
	}
	return 0, 0, nil
}

// continueItem makes p, a new mail, the one item it shows, with the mail it showed
// (old, read under the row's lock) as the latest earlier turn, and opens the item
// again (if handled) with the mail's arrival as its last activity.
func continueItem(ctx context.Context, tx db.Querier, d Delivery, it inbox.Item, old, p inbox.MailPayload) error {
	p.Earlier = append(old.Earlier, old.Turn(it))
	p.Received = d.ReceivedAt.Unix()
	if err := inbox.SetPayload(ctx, tx, d.TenantID, it.ID, p); err != nil {
		return err
	}
	return inbox.Continued(ctx, tx, d.TenantID, it.ID, d.ReceivedAt)
}
