package inboxmail

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
)

// FieldBlock is the field a block from an inbox mail reports its errors on.
const FieldBlock = "block"

// FromItem blocks the sender of mail item itemID: their address (KindAddress) or their
// domain (KindDomain), as Add does, with the item named as where the block came from.
// It returns the entry and how many open items it closed (the item itself among them
// while open). Another tenant's item, another kind of item or another kind of block is
// db.ErrNotFound; what Parse and Add refuse is validate.Errors on FieldBlock.
func FromItem(ctx context.Context, d *db.DB, tenantID, itemID int64, kind string, by Staff, now time.Time) (Entry, int, error) {
	it, err := inbox.Get(ctx, d, tenantID, itemID)
	if err != nil {
		return Entry{}, 0, err
	}
	if it.Kind != inbox.KindMail || (kind != KindAddress && kind != KindDomain) {
		return Entry{}, 0, db.ErrNotFound
	}
	typed := it.Email
	if kind == KindDomain {
		typed = "@" + inbox.DomainOf(it.Email)
	}
	e := Entry{Field: FieldBlock, ItemID: itemID}
	if e.Kind, e.Value, err = Parse(FieldBlock, typed); err != nil {
		return e, 0, err
	}
	_, closed, err := Add(ctx, d, tenantID, e, by, now)
	return e, closed, err
}
