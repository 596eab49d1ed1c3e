package inboxmail

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
)

// Covered returns the ids of the tenant's open mail items from strangers that a block
// of e would close. Items keep the sender's address as written, a domain with umlauts
// in Unicode, while blocks store it in ASCII: so the addresses are compared in the
// form blocks use (normal), not in SQL. A tenant has at most some thousands of open
// mails; the query walks the (tenant_id, state, kind) index.
func Covered(ctx context.Context, q db.Querier, tenantID int64, e Entry) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT id, email FROM inbox_items WHERE tenant_id = ? AND state = 'open' AND kind = ?
		AND contact_id IS NULL`, tenantID, inbox.KindMail)
	if err != nil {
		return nil, fmt.Errorf("inboxmail: open mail: %w", err)
	}
	defer rows.Close()
	var ids []int64
	var addrs []string
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			return nil, err
		}
		if a, d, ok := normal(email); ok && covers(e, a, d) {
			ids, addrs = append(ids, id), append(addrs, email)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// A sender who became a contact since is no stranger: the listener takes their mail.
	out := ids[:0]
	for i, id := range ids {
		known, err := isContact(ctx, q, tenantID, addrs[i])
		if err != nil {
			return nil, err
		}
		if !known {
			out = append(out, id)
		}
	}
	return out, nil
}

// covers reports whether a block of e covers the address (as normal returns it).
func covers(e Entry, address, domain string) bool {
	if e.Kind == KindAddress {
		return address == e.Value
	}
	return domain == e.Value || strings.HasSuffix(domain, "."+e.Value)
}

// closeItems marks the tenant's open mail items that e covers done (Covered) and
// returns their ids. Mail of a known contact stays open: the listener takes their mail
// despite a block, too.
func closeItems(ctx context.Context, q db.Querier, tenantID int64, e Entry, by inbox.By, now time.Time) ([]int64, error) {
	ids, err := Covered(ctx, q, tenantID, e)
	if err != nil {
		return nil, err
	}
	closed := ids[:0]
	for _, id := range ids {
		switch err := inbox.Handle(ctx, q, tenantID, id, inbox.StateDone, by, inbox.Blocked, now); {
		case errors.Is(err, inbox.ErrHandled): // a colleague handled it meanwhile
		case err != nil:
			return nil, err
		default:
			closed = append(closed, id)
		}
	}
	return closed, nil
}
