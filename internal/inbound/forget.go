package inbound

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
)

// ForgetSender redacts the tenant's records of mail from addrs (lower-case), for a
// contact who is erased: the envelope sender and From address become anonAddr, the
// subject placeholder, and the Message-ID is cleared (the person's addresses may have
// used one, and under one anonAddr they would collide in inbound_mails_once); what was
// decided (outcome, reason) stays. It returns the raw messages (.eml) the records kept
// in the file store, for the caller to delete once the transaction is committed. Each address goes by the indexes inbound_mails_from
// and inbound_mails_sender (migration 00072).
func ForgetSender(ctx context.Context, q db.Querier, tenantID int64, addrs []string, anonAddr, placeholder string) ([]string, error) {
	var keys []string
	ids := map[int64]bool{}
	for _, addr := range addrs {
		addr = strings.ToLower(strings.TrimSpace(addr))
		if addr == "" {
			continue
		}
		for _, col := range []string{"mail_from", "sender"} {
			rows, err := q.Query(ctx, `SELECT id, raw_key FROM inbound_mails WHERE tenant_id = ? AND LOWER(`+col+`) = ?`, tenantID, addr)
			if err != nil {
				return nil, fmt.Errorf("inbound: mail from address: %w", err)
			}
			for rows.Next() {
				var id int64
				var k string
				if err := rows.Scan(&id, &k); err != nil {
					rows.Close()
					return nil, fmt.Errorf("inbound: mail from address: %w", err)
				}
				if !ids[id] && k != "" {
					keys = append(keys, k)
				}
				ids[id] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, fmt.Errorf("inbound: mail from address: %w", err)
			}
		}
	}
	// By id: an UPDATE that changes the indexed columns would not use their index on SQLite.
	for id := range ids {
		if _, err := q.Exec(ctx, `UPDATE inbound_mails SET mail_from = ?, sender = ?, subject = ?, raw_key = '',
			message_id = '' WHERE tenant_id = ? AND id = ?`, anonAddr, anonAddr, placeholder, tenantID, id); err != nil {
			return nil, fmt.Errorf("inbound: forget mail %d: %w", id, err)
		}
	}
	return keys, nil
}
