// Package outbox queues outgoing mail in the database, in the transaction of the change
// that causes it, and delivers it through a job. Without SMTP the delivered mail is kept
// as an .eml file and listed in the back office, so a fresh install works without a
// mail server.
package outbox

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/mail"
)

// JobKind is the job kind that delivers a queued mail.
const JobKind = "mail"

// Mail is a queued or delivered message as the outbox shows it.
type Mail struct {
	ID        int64
	To        string
	Subject   string
	Text      string
	HTML      string
	MessageID string // as queued; answers are matched by it (mail.StoredIDs)
	// SentMessageID is the Message-ID it went out with (MessageID with the sender's
	// domain), empty before it is sent and for mails sent by releases before 0.81.
	SentMessageID string
	State         string // queued, sent, failed, cancelled, discarded
	Stored        string // where the file sender put it
	CreatedAt     time.Time
	SentAt        time.Time
	ReplyTo       string
	InReplyTo     string
	TicketID      int64 // the ticket the mail was written about, 0 for none
	// Personal: a person wrote it (mail.Message.Personal); it goes out without
	// Auto-Submitted.
	Personal bool
	// Purged is when the retention rules emptied its text and HTML (zero: never); the
	// row still says what went to whom when.
	Purged time.Time
}

// ForTicket marks a queued mail as written about a ticket, so an answer quoting its
// Message-ID finds the ticket again.
func ForTicket(ctx context.Context, q db.Querier, tenantID, mailID, ticketID int64) error {
	_, err := q.Exec(ctx, `UPDATE mails SET ticket_id = ? WHERE tenant_id = ? AND id = ?`, ticketID, tenantID, mailID)
	if err != nil {
		return fmt.Errorf("outbox: ticket: %w", err)
	}
	return nil
}

// TicketOf returns the ticket of our mail with messageID that was sent to addr (0:
// none): a quoted Message-ID ties an answer to a ticket only for that mail's recipient,
// since anyone who saw the mail knows the id and the sender of a mail can be forged.
func TicketOf(ctx context.Context, q db.Querier, tenantID int64, messageID, addr string) (int64, error) {
	var id int64
	sent, queued := mail.StoredIDs(messageID)
	err := q.QueryRow(ctx, `SELECT COALESCE(ticket_id, 0) FROM mails WHERE tenant_id = ? AND message_id IN (?, ?)
		AND LOWER(to_addr) = ? ORDER BY id DESC LIMIT 1`, tenantID, sent, queued, strings.ToLower(addr)).Scan(&id)
	if err = db.One(err); err == db.ErrNotFound {
		return 0, nil
	}
	return id, err
}

// Queue stores msg and a delivery job for it. Pass the transaction of the change.
func Queue(ctx context.Context, q db.Querier, tenantID int64, msg mail.Message, now time.Time) (int64, error) {
	return queue(ctx, q, tenantID, msg, false, now)
}

// QueueAdminOnly queues a mail that only admins may read in the outbox: it carries a
// link that makes its reader staff (a staff invitation).
func QueueAdminOnly(ctx context.Context, q db.Querier, tenantID int64, msg mail.Message, now time.Time) (int64, error) {
	return queue(ctx, q, tenantID, msg, true, now)
}

func queue(ctx context.Context, q db.Querier, tenantID int64, msg mail.Message, adminOnly bool, now time.Time) (int64, error) {
	if msg.MessageID == "" {
		raw, _ := auth.NewToken()
		msg.MessageID = raw[:24] + "@" + mail.PlaceholderIDDomain
	}
	id, err := db.Insert(ctx, q, `INSERT INTO mails (tenant_id, to_addr, subject, text_body, html_body, message_id, state,
		admin_only, reply_to, in_reply_to, personal, created_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)`, tenantID,
		msg.To, msg.Subject, msg.Text, msg.HTML, msg.MessageID, adminOnly, msg.ReplyTo, msg.InReplyTo, msg.Personal, now.Unix())
	if err != nil {
		return 0, fmt.Errorf("outbox: queue: %w", err)
	}
	return id, jobs.Enqueue(ctx, q, tenantID, JobKind, id, now)
}

// Deliverer sends queued mail; its Deliver method is the job handler.
type Deliverer struct {
	DB *db.DB
	// Route picks the sender and From address for a tenant's mail (its own SMTP
	// server from the back office, or the installation's).
	Route func(ctx context.Context, tenantID int64) (mail.Sender, string, error)
	Now   func() time.Time
}

// Deliver sends the mail a job points at and records where it went.
func (d *Deliverer) Deliver(ctx context.Context, j jobs.Job) error {
	m, err := Get(ctx, d.DB, j.TenantID, j.RefID, true)
	if err != nil {
		return fmt.Errorf("outbox: load mail %d: %w", j.RefID, err)
	}
	if m.State == "sent" || m.State == StateCancelled || m.State == StateDiscarded {
		return nil // a retry after the send succeeded but the job update failed, its ticket is gone, or an admin chose not to send it
	}
	if !m.Purged.IsZero() {
		return d.purgedNotSent(ctx, m)
	}
	where, sentID, err := d.send(ctx, j.TenantID, m)
	if err != nil {
		if j.Attempts >= jobs.MaxAttempts { // the queue gives up now; the outbox shows it
			bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			d.DB.Exec(bctx, `UPDATE mails SET state = 'failed' WHERE id = ?`, m.ID)
		}
		return err
	}
	// The outbox shows the id the mail went out with, the one a mail server's log
	// names; answers are matched by the queued one, naming either form (mail.StoredIDs).
	_, err = d.DB.Exec(ctx, `UPDATE mails SET state = 'sent', sent_at = ?, stored_path = ?, sent_message_id = ? WHERE id = ?`,
		d.Now().Unix(), where, sentID, m.ID)
	return err
}

// send hands m to the tenant's sender and returns where it went and the Message-ID it
// went out with: the queued id with the sender's domain, known only now.
func (d *Deliverer) send(ctx context.Context, tenantID int64, m Mail) (string, string, error) {
	sender, from, err := d.Route(ctx, tenantID)
	if err != nil {
		return "", "", err
	}
	id := mail.IDFrom(m.MessageID, from)
	where, err := sender.Send(ctx, mail.Message{From: from, To: m.To, Subject: m.Subject,
		Text: m.Text, HTML: m.HTML, MessageID: id, ReplyTo: m.ReplyTo, InReplyTo: m.InReplyTo,
		Personal: m.Personal})
	return where, id, err
}

const columns = `id, to_addr, subject, text_body, html_body, message_id, state, stored_path, created_at, COALESCE(sent_at, 0),
	reply_to, in_reply_to, COALESCE(ticket_id, 0), personal, purged_at, sent_message_id`

func scan(row interface{ Scan(...any) error }) (Mail, error) {
	var m Mail
	var created, sent, purged int64
	err := row.Scan(&m.ID, &m.To, &m.Subject, &m.Text, &m.HTML, &m.MessageID, &m.State, &m.Stored, &created, &sent,
		&m.ReplyTo, &m.InReplyTo, &m.TicketID, &m.Personal, &purged, &m.SentMessageID)
	m.CreatedAt = time.Unix(created, 0)
	if purged > 0 {
		m.Purged = time.Unix(purged, 0)
	}
	if sent > 0 {
		m.SentAt = time.Unix(sent, 0)
	}
	return m, db.One(err)
}

// Get loads one mail of the tenant; admin-only mails only when admin is set. Without
// admin, token links in the mail come masked (see Mask).
func Get(ctx context.Context, q db.Querier, tenantID, id int64, admin bool) (Mail, error) {
	m, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM mails WHERE tenant_id = ? AND id = ? AND (? OR NOT admin_only)`,
		tenantID, id, admin))
	if err != nil || admin {
		return m, err
	}
	return m.masked(), nil
}

// ShownID is the Message-ID to show for m: the one it went out with once sent (the one
// a mail server's log names), else the one it was queued under.
func (m Mail) ShownID() string {
	if m.SentMessageID != "" {
		return m.SentMessageID
	}
	return m.MessageID
}
