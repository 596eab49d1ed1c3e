// Package inboxmail is what staff do with an unsorted mail in the inbox besides sorting
// it into the helpdesk: answer its sender by mail, or block the sender. It keeps the
// tenant's list of blocked addresses and domains, which the inbound listener consults
// before it takes a mail in (BlockedMail).
package inboxmail

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Kinds of block: one address, or a domain with its subdomains.
const (
	KindAddress = "address"
	KindDomain  = "domain"
)

// Block is one blocked address or domain of a tenant.
type Block struct {
	ID        int64
	Kind      string
	Value     string // lower-case; a domain (and an address's domain) in ASCII
	ItemID    int64  // the inbox mail it was blocked from; 0 when typed in
	StaffID   int64  // who blocked it, while they exist
	By        string // who blocked it, as named then
	CreatedAt time.Time
}

// columns are the columns scan reads, in its order.
const columns = `id, kind, value, COALESCE(item_id, 0), COALESCE(created_by_staff_id, 0), created_by, created_at`

// scan reads a block selected with columns; no row is db.ErrNotFound.
func scan(row interface{ Scan(...any) error }) (Block, error) {
	var b Block
	var at int64
	err := row.Scan(&b.ID, &b.Kind, &b.Value, &b.ItemID, &b.StaffID, &b.By, &at)
	b.CreatedAt = time.Unix(at, 0)
	return b, db.One(err)
}

// List returns the tenant's blocks, domains first, then by value. A tenant blocks tens,
// maybe hundreds of senders; the page shows them all.
func List(ctx context.Context, q db.Querier, tenantID int64) ([]Block, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM inbound_blocks WHERE tenant_id = ? ORDER BY kind DESC, value`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("inboxmail: blocks: %w", err)
	}
	defer rows.Close()
	var out []Block
	for rows.Next() {
		b, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// Get loads one block of the tenant; another tenant's is db.ErrNotFound.
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (Block, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM inbound_blocks WHERE tenant_id = ? AND id = ?`, tenantID, id))
}
