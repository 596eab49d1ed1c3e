package outbox

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
)

// CancelTo cancels the tenant's mails to addrs that have not gone out yet (queued, or
// given up after failing), for a contact who is erased: nothing more goes to any
// address they had once the person asked to be forgotten (the notice that the login
// address changed went to the old one). Like CancelForTickets, a mail a worker is
// sending right now still goes. It returns how many mails it cancelled. Each address
// goes through the index mails_to (migration 00072).
func CancelTo(ctx context.Context, q db.Querier, tenantID int64, addrs []string, now time.Time) (int, error) {
	total := 0
	for _, addr := range addrs {
		addr = strings.ToLower(strings.TrimSpace(addr))
		if addr == "" {
			continue
		}
		// The jobs first, while the mails are still told apart by their state.
		if _, err := q.Exec(ctx, `UPDATE jobs SET state = 'done', done_at = ?, last_error = ''
			WHERE tenant_id = ? AND kind = ? AND state IN ('pending', 'failed', 'held') AND ref_id IN (
				SELECT id FROM mails WHERE tenant_id = ? AND LOWER(to_addr) = ? AND state IN ('queued', 'failed'))`,
			now.Unix(), tenantID, JobKind, tenantID, addr); err != nil {
			return 0, fmt.Errorf("outbox: cancel jobs to address: %w", err)
		}
		res, err := q.Exec(ctx, `UPDATE mails SET state = '`+StateCancelled+`'
			WHERE tenant_id = ? AND LOWER(to_addr) = ? AND state IN ('queued', 'failed')`, tenantID, addr)
		if err != nil {
			return 0, fmt.Errorf("outbox: cancel to address: %w", err)
		}
		n, _ := res.RowsAffected()
		total += int(n)
	}
	return total, nil
}

// ForgetRecipient blanks the tenant's mails to addrs after CancelTo: the address
// becomes anonAddr, subject and text become placeholder, so the outbox keeps that a
// mail went (and when, and in which state) but no longer to whom or what it said. It
// returns the files the mails were kept in by the file sender (stored_path), for the
// caller to delete once the transaction is committed. The mails are found by mails_to
// and changed by id (an UPDATE that changes to_addr would not use that index on
// SQLite). A mail a worker is sending right now goes as it was read.
func ForgetRecipient(ctx context.Context, q db.Querier, tenantID int64, addrs []string, anonAddr, placeholder string) ([]string, error) {
	var paths []string
	var ids []int64
	for _, addr := range addrs {
		addr = strings.ToLower(strings.TrimSpace(addr))
		if addr == "" {
			continue
		}
		rows, err := q.Query(ctx, `SELECT id, stored_path FROM mails WHERE tenant_id = ? AND LOWER(to_addr) = ?`, tenantID, addr)
		if err != nil {
			return nil, fmt.Errorf("outbox: mails to address: %w", err)
		}
		for rows.Next() {
			var id int64
			var p string
			if err := rows.Scan(&id, &p); err != nil {
				rows.Close()
				return nil, fmt.Errorf("outbox: mails to address: %w", err)
			}
			ids = append(ids, id)
			if mail.StoredFile(p) {
				paths = append(paths, p)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("outbox: mails to address: %w", err)
		}
	}
	for _, id := range ids {
		if _, err := q.Exec(ctx, `UPDATE mails SET to_addr = ?, subject = ?, text_body = ?, html_body = '', stored_path = ''
			WHERE tenant_id = ? AND id = ?`, anonAddr, placeholder, placeholder, tenantID, id); err != nil {
			return nil, fmt.Errorf("outbox: forget mail %d: %w", id, err)
		}
	}
	return paths, nil
}
