package inboxmail

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
)

// FieldBlock is the field a block from an inbox mail reports its errors on.
const FieldBlock = "block"

// Closed is what a block from an inbox mail marked done: the mail itself (Item) and
// how many other open mails of the sender (Others).
type Closed struct {
	Item   bool
	Others int
}

// ItemEntry is the block of kind (KindAddress or KindDomain) of the sender of mail item
// itemID, as FromItem adds it. Another tenant's item, another kind of item or another
// kind of block is db.ErrNotFound; what Parse refuses is validate.Errors on FieldBlock.
func ItemEntry(ctx context.Context, q db.Querier, tenantID, itemID int64, kind string) (Entry, error) {
	it, err := inbox.Get(ctx, q, tenantID, itemID)
	if err != nil {
		return Entry{}, err
	}
	if it.Kind != inbox.KindMail || (kind != KindAddress && kind != KindDomain) {
		return Entry{}, db.ErrNotFound
	}
	typed := it.Email
	if kind == KindDomain {
		typed = "@" + inbox.DomainOf(it.Email)
	}
	e := Entry{Field: FieldBlock, ItemID: itemID}
	e.Kind, e.Value, err = Parse(FieldBlock, typed)
	return e, err
}

// FromItem blocks the sender of mail item itemID: their address (KindAddress) or their
// domain (KindDomain), as Add does, with the item named as where the block came from.
// It returns the entry and what it closed. Errors as ItemEntry's and Add's.
func FromItem(ctx context.Context, d *db.DB, tenantID, itemID int64, kind string, by Staff, now time.Time) (Entry, Closed, error) {
	e, err := ItemEntry(ctx, d, tenantID, itemID, kind)
	if err != nil {
		return e, Closed{}, err
	}
	_, ids, err := Add(ctx, d, tenantID, e, by, now)
	var c Closed
	for _, id := range ids {
		if id == itemID {
			c.Item = true
		} else {
			c.Others++
		}
	}
	return e, c, err
}

// Check says why e may not be added (validate.Errors on e.Field), as Add would refuse
// it; nil when it may. A confirmation page checks first, so it asks nothing in vain.
func Check(ctx context.Context, q db.Querier, tenantID int64, e Entry) error {
	return conflicts(ctx, q, tenantID, e)
}
