package scale

import (
	"context"
	"fmt"
	"io"
	"time"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// indexStep is how many message ids one transaction of indexMessages covers.
const indexStep = 5000

// nextMessageID is the id the next message written gets at the least.
func nextMessageID(ctx context.Context, d *db.DB) (int64, error) {
	var id int64
	err := d.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM ticket_messages`).Scan(&id)
	return id, err
}

// indexMessages writes the conversation search index for the messages the bulk writers
// added from id from on: they bypass ticket.Reply, which indexes a message as it is
// written. It indexes every message in that range, so a server adding messages to the
// same database meanwhile would have its new ones indexed twice (SQLite's contentless
// index takes a second entry silently): generate into a database nobody serves.
func indexMessages(ctx context.Context, d *db.DB, from int64, progress io.Writer) error {
	start := time.Now()
	to, err := nextMessageID(ctx, d)
	if err != nil {
		return fmt.Errorf("scale: index: %w", err)
	}
	n := 0
	for lo := from; lo < to; lo += indexStep {
		err := d.InTx(ctx, func(tx *db.Tx) error {
			k, err := ticket.IndexRange(ctx, tx, lo, min(lo+indexStep, to))
			n += k
			return err
		})
		if err != nil {
			return fmt.Errorf("scale: index: %w", err)
		}
	}
	if progress != nil {
		fmt.Fprintf(progress, "conversation search index: %d messages (%s)\n", n, time.Since(start).Round(time.Millisecond))
	}
	return nil
}
