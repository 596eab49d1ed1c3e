package inbound

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
	"pforte/internal/inbox"
)

// threadLook bounds how many of a sender's latest mail items are searched for the one
// an answer continues.
const threadLook = 200

// thread adds d to the mail item whose answer by staff ("Reply to the sender") it
// answers, and returns that item's id (0: d answers none, and makes an item of its
// own). Staff's answer went out through the outbox with its own Message-ID, which the
// item keeps as MailPayload.ReplyMailID; d must name it in In-Reply-To or References
// and come from the address it went to, as a ticket's answer must. The mail the item
// showed moves into its conversation (MailPayload.Earlier), d becomes the mail the item
// shows and acts on (a ticket made of it, a further answer threads under d), and a
// handled item opens again. Automatic mail (an out-of-office note) never reopens one.
func thread(ctx context.Context, tx db.Querier, d Delivery, p inbox.MailPayload) (int64, error) {
	id, old, err := continued(ctx, tx, d)
	if err != nil || id == 0 {
		return 0, err
	}
	return id, continueItem(ctx, tx, d, id, old, p)
}

// Continues returns the mail item d would continue in the inbox (see thread), 0 for
// none: a router sends such a mail to the inbox (ToInbox) rather than opening a ticket
// of a conversation staff hold there.
func Continues(ctx context.Context, tx db.Querier, d Delivery) (int64, error) {
	id, _, err := continued(ctx, tx, d)
	return id, err
}

// continued finds the item d continues and its payload.
func continued(ctx context.Context, tx db.Querier, d Delivery) (int64, inbox.MailPayload, error) {
	m := d.Message
	if m.AutoReason != "" {
		return 0, inbox.MailPayload{}, nil
	}
	sender := strings.ToLower(m.From.Address)
	mails := map[int64]bool{}
	for _, mid := range append(append([]string{}, m.InReplyTo...), m.References...) {
		if mid == "" {
			continue
		}
		rows, err := tx.Query(ctx, `SELECT id FROM mails WHERE tenant_id = ? AND message_id = ? AND LOWER(to_addr) = ?
			AND ticket_id IS NULL`, d.TenantID, clip(mid, 500), sender)
		if err != nil {
			return 0, inbox.MailPayload{}, fmt.Errorf("inbound: thread: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return 0, inbox.MailPayload{}, err
			}
			mails[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, inbox.MailPayload{}, err
		}
	}
	if len(mails) == 0 {
		return 0, inbox.MailPayload{}, nil
	}
	payloads, ids, err := inbox.MailItemsFrom(ctx, tx, d.TenantID, sender, threadLook)
	if err != nil {
		return 0, inbox.MailPayload{}, err
	}
	for _, id := range ids {
		for mailID := range mails {
			if payloads[id].AnsweredBy(mailID) {
				return id, payloads[id], nil
			}
		}
	}
	return 0, inbox.MailPayload{}, nil
}

// continueItem makes p, a new mail, the one item id shows, with the mail it showed
// (old) as the latest earlier turn, and opens the item again.
func continueItem(ctx context.Context, tx db.Querier, d Delivery, id int64, old, p inbox.MailPayload) error {
	it, err := inbox.Get(ctx, tx, d.TenantID, id)
	if err != nil {
		return err
	}
	p.Earlier = append(old.Earlier, old.Turn(it))
	p.Received = d.ReceivedAt.Unix()
	if err := inbox.SetPayload(ctx, tx, d.TenantID, id, p); err != nil {
		return err
	}
	if it.Open() {
		return nil
	}
	return inbox.Reopen(ctx, tx, d.TenantID, id)
}
