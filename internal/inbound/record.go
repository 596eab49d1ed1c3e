package inbound

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// Record is one row of inbound_mails: a mail the listener took in or turned away.
type Record struct {
	ID         int64
	TenantID   int64
	ReceivedAt time.Time
	MailFrom   string // envelope sender
	Rcpt       string
	Sender     string // the From header's address
	Subject    string
	MessageID  string
	Size       int64
	Outcome    string // a router's Outcome.Action or one of the Outcome… constants
	Reason     string
	RawKey     string // the raw message in the file store; "" when it was not kept
	Auth       string // the sender authentication verdict (mailin.AuthVerdict.String); "" unchecked
}

// insertRecord stores r and returns its id.
func insertRecord(ctx context.Context, q db.Querier, r Record) (int64, error) {
	id, err := db.Insert(ctx, q, `INSERT INTO inbound_mails (tenant_id, received_at, mail_from, rcpt, sender,
		subject, message_id, size, outcome, reason, raw_key, auth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.TenantID, r.ReceivedAt.Unix(), clip(r.MailFrom, 320), clip(r.Rcpt, 320), clip(r.Sender, 320),
		clip(r.Subject, 500), clip(r.MessageID, 500), r.Size, r.Outcome, clip(r.Reason, 1000), r.RawKey, clip(r.Auth, 1000))
	if err != nil {
		return 0, fmt.Errorf("inbound: record: %w", err)
	}
	return id, nil
}

// claimRecord inserts r, the record of a mail about to be routed, and returns its id;
// taken is true, and nothing inserted, when the tenant already has a routed record of
// r's Message-ID from r's sender. The unique index inbound_mails_once (migration 00078)
// decides, not a read before: of two listeners routing the same mail at the same time,
// both pass seen, and the second insert waits for the first transaction and then loses
// (PostgreSQL), or runs after it has committed (SQLite's one writer). Run it in the
// transaction that routes the mail, so a rolled-back routing frees the key again.
func claimRecord(ctx context.Context, q db.Querier, r Record) (id int64, taken bool, err error) {
	err = q.WriteRow(ctx, `INSERT INTO inbound_mails (tenant_id, received_at, mail_from, rcpt, sender,
		subject, message_id, size, outcome, reason, raw_key, auth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING RETURNING id`,
		r.TenantID, r.ReceivedAt.Unix(), clip(r.MailFrom, 320), clip(r.Rcpt, 320), clip(r.Sender, 320),
		clip(r.Subject, 500), clip(r.MessageID, 500), r.Size, r.Outcome, clip(r.Reason, 1000), r.RawKey, clip(r.Auth, 1000)).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, true, nil
	case err != nil:
		return 0, false, fmt.Errorf("inbound: record: %w", err)
	}
	return id, false, nil
}

// setOutcome records what the router did.
func setOutcome(ctx context.Context, q db.Querier, id int64, o Outcome) error {
	if _, err := q.Exec(ctx, `UPDATE inbound_mails SET outcome = ?, reason = ? WHERE id = ?`,
		clip(o.Action, 50), clip(o.Reason, 1000), id); err != nil {
		return fmt.Errorf("inbound: outcome: %w", err)
	}
	return nil
}

// seen reports whether the tenant already took in a mail with this Message-ID from
// this sender, before the mail is stored (claimRecord is what makes it certain) (the From address as written): a sending server that retries after a
// lost answer, or one mail to two support addresses, must not arrive twice. The
// sender is part of the key because a Message-ID is only what the sender wrote:
// anyone could send a message with a guessed ID first and have the genuine one
// dropped as a duplicate.
func seen(ctx context.Context, q db.Querier, tenantID int64, sender, messageID string) (bool, error) {
	if messageID == "" {
		return false, nil
	}
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM inbound_mails WHERE tenant_id = ? AND message_id = ?
		AND sender = ? AND outcome NOT IN ('rejected', 'deferred', 'duplicate')`,
		tenantID, clip(messageID, 500), clip(sender, 320)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("inbound: duplicate check: %w", err)
	}
	return n > 0, nil
}

// Recent lists the tenant's latest inbound mails, newest first.
func Recent(ctx context.Context, q db.Querier, tenantID int64, limit int) ([]Record, error) {
	rows, err := q.Query(ctx, `SELECT id, tenant_id, received_at, mail_from, rcpt, sender, subject, message_id,
		size, outcome, reason, raw_key, auth FROM inbound_mails WHERE tenant_id = ? ORDER BY id DESC LIMIT ?`, tenantID, limit)
	if err != nil {
		return nil, fmt.Errorf("inbound: recent: %w", err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		var r Record
		var at int64
		if err := rows.Scan(&r.ID, &r.TenantID, &at, &r.MailFrom, &r.Rcpt, &r.Sender, &r.Subject, &r.MessageID,
			&r.Size, &r.Outcome, &r.Reason, &r.RawKey, &r.Auth); err != nil {
			return nil, err
		}
		r.ReceivedAt = time.Unix(at, 0)
		out = append(out, r)
	}
	return out, rows.Err()
}

// clip makes s storable on both engines (valid UTF-8 without NUL bytes, which
// PostgreSQL refuses in text) and shortens it to at most n bytes without splitting a
// character.
func clip(s string, n int) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
