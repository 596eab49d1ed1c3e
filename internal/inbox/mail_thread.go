package inbox

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// MailTurn is an earlier mail of a conversation kept on one mail item: what the
// sender wrote then, and staff's answer to it, if any. A stranger's answer to staff's
// "Reply to the sender" joins the item it answers (package inbound), and the mail the
// item showed until then moves here, so whoever picks up the answer sees the exchange.
type MailTurn struct {
	Received    int64      `json:"received"` // unix seconds the mail arrived
	From        string     `json:"from"`
	FromName    string     `json:"from_name,omitempty"`
	Subject     string     `json:"subject"`
	Text        string     `json:"text"`
	MessageID   string     `json:"message_id,omitempty"`
	RawKey      string     `json:"raw_key,omitempty"`
	Attachments []MailFile `json:"attachments,omitempty"`
	FullText    *MailFile  `json:"full_text,omitempty"`
	// Reply is what staff answered (ReplyMailID the outbox mail), by whom and when;
	// TicketID the ticket staff made of the mail or added it to instead.
	Reply       string `json:"reply,omitempty"`
	ReplyMailID int64  `json:"reply_mail_id,omitempty"`
	RepliedBy   string `json:"replied_by,omitempty"`
	RepliedAt   int64  `json:"replied_at,omitempty"`
	TicketID    int64  `json:"ticket_id,omitempty"`
	// The sender check of the mail, as MailPayload holds it: a turn keeps it, so the
	// conversation still says which of its mails the trusted server vouched for.
	AuthServer string `json:"auth_server,omitempty"`
	AuthPass   bool   `json:"auth_pass,omitempty"`
	AuthDetail string `json:"auth_detail,omitempty"`
	// Cut: the mail arrived incomplete (MailPayload.Cut).
	Cut bool `json:"cut,omitempty"`
}

// Turn is the mail item it with payload p as an earlier turn of its conversation.
func (p MailPayload) Turn(it Item) MailTurn {
	t := MailTurn{Received: p.Received, From: p.From, FromName: p.FromName, Subject: p.Subject, Text: p.Text,
		MessageID: p.MessageID, RawKey: p.RawKey, Attachments: p.Attachments, FullText: p.FullText,
		Reply: p.Reply, ReplyMailID: p.ReplyMailID, TicketID: p.TicketID,
		AuthServer: p.AuthServer, AuthPass: p.AuthPass, AuthDetail: p.AuthDetail, Cut: p.Cut}
	if t.Received == 0 {
		t.Received = it.CreatedAt.Unix()
	}
	if p.Reply != "" && !it.HandledAt.IsZero() {
		t.RepliedBy, t.RepliedAt = it.HandledBy, it.HandledAt.Unix()
	}
	return t
}

// AnsweredBy reports whether p's conversation holds staff's answer that went out as
// outbox mail mailID.
func (p MailPayload) AnsweredBy(mailID int64) bool {
	if mailID == 0 {
		return false
	}
	if p.ReplyMailID == mailID {
		return true
	}
	for _, t := range p.Earlier {
		if t.ReplyMailID == mailID {
			return true
		}
	}
	return false
}

// Files lists the files of the whole conversation for download by number: each
// earlier turn's attachments, oldest first, then the current mail's. A join only
// appends (the current mail becomes the latest earlier turn, the new mail comes last),
// so a file keeps its number and a page opened before an answer joined still
// downloads what it shows.
func (p MailPayload) Files() []MailFile {
	var out []MailFile
	for _, t := range p.Earlier {
		out = append(out, t.Attachments...)
	}
	return append(out, p.Attachments...)
}

// EarlierFile is the download number (see Files) of attachment n of earlier turn k.
func (p MailPayload) EarlierFile(k, n int) int {
	i := 0
	for _, t := range p.Earlier[:k] {
		i += len(t.Attachments)
	}
	return i + n
}

// CurrentFile is the download number (see Files) of attachment n of the current mail.
func (p MailPayload) CurrentFile(n int) int {
	return p.EarlierFile(len(p.Earlier), n)
}

// Continued records a mail that arrived at at and continues the item's conversation:
// the item is open again (who handled it before stays in the conversation, MailTurn)
// and at is its last activity, so the list shows it at the top, whether it was
// handled or still open.
func Continued(ctx context.Context, q db.Querier, tenantID, id int64, at time.Time) error {
	if _, err := q.Exec(ctx, `UPDATE inbox_items SET state = ?, reason = '', handled_at = NULL, handled_by_staff_id = NULL,
		handled_by_contact_id = NULL, handled_by = '', active_at = ? WHERE tenant_id = ? AND id = ?`,
		StateOpen, at.Unix(), tenantID, id); err != nil {
		return fmt.Errorf("inbox: reopen %d: %w", id, err)
	}
	return nil
}

// MailItemsFrom lists the ids and payloads of the tenant's latest mail items from
// addr (lower-case), newest first, at most limit.
func MailItemsFrom(ctx context.Context, q db.Querier, tenantID int64, addr string, limit int) (map[int64]MailPayload, []int64, error) {
	rows, err := q.Query(ctx, `SELECT id, payload FROM inbox_items WHERE tenant_id = ? AND LOWER(email) = ? AND kind = ?
		ORDER BY id DESC LIMIT ?`, tenantID, addr, KindMail, limit)
	if err != nil {
		return nil, nil, fmt.Errorf("inbox: mail from %s: %w", addr, err)
	}
	defer rows.Close()
	out := map[int64]MailPayload{}
	var ids []int64
	for rows.Next() {
		var id int64
		var raw string
		if err := rows.Scan(&id, &raw); err != nil {
			return nil, nil, err
		}
		var p MailPayload
		if err := (Item{ID: id, Payload: []byte(raw)}).Decode(&p); err != nil {
			continue // an unreadable payload answers nothing
		}
		out[id] = p
		ids = append(ids, id)
	}
	return out, ids, rows.Err()
}
