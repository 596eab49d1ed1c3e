package ticket_test

import (
	"context"
	"errors"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestAfterMerge: what was loaded before a merge cannot act on the source after it: a
// reply (a form sent, a mail arriving) is ErrMerged instead of a message left on the
// closed ticket, and so is assigning it. The source's opener hears of the target as of
// their own request: their "own tickets" choice counts, not "followed". A declined
// request is not rated.
func TestAfterMerge(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newMergeWorld(t, d)
		target := w.open(t, w.acme, w.anna, "Target", 0)
		source := w.open(t, w.acme, w.bernd, "Source", 1)
		stale := w.get(t, source.ID)
		if err := w.merge(source, target, 2); err != nil {
			t.Fatal(err)
		}
		if _, err := ticket.AddReply(ctx, d, stale, ticket.Reply{ContactID: w.bernd, Author: "bernd", Body: "late"}, w.at(3)); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("reply on the source loaded before the merge: %v", err)
		}
		if err := ticket.Assign(ctx, d, w.get(t, source.ID), 0, ticket.Actor{Name: "x"}, w.at(3)); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("assigning a merged ticket: %v", err)
		}

		// Bernd wants mail about his own tickets, none about followed ones.
		if _, err := d.Exec(ctx, `UPDATE contacts SET notify_own = TRUE, notify_followed = FALSE WHERE id = ?`, w.bernd); err != nil {
			t.Fatal(err)
		}
		err := d.InTx(ctx, func(tx *db.Tx) error {
			n, err := ticket.NewNotifier(ctx, tx, w.ten, "http://portal.test", w.at(4))
			if err != nil {
				return err
			}
			return n.Replied(ctx, tx, w.get(t, target.ID), "Antwort", ticket.Actor{StaffID: 0, Name: "Agent"})
		})
		if err != nil {
			t.Fatal(err)
		}
		var toBernd int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = 'bernd@acme.test'`).Scan(&toBernd); err != nil || toBernd != 1 {
			t.Errorf("the merged request's opener got %d mails about the target, want 1 (%v)", toBernd, err)
		}

		declined := w.open(t, w.acme, w.anna, "Request", 5)
		if err := ticket.Decide(ctx, d, declined, false, "no", ticket.Actor{Name: "x"}, w.at(6)); err != nil {
			t.Fatal(err)
		}
		if got := w.get(t, declined.ID); got.Rateable() {
			t.Errorf("a declined request is rateable: %+v", got.Status)
		}
		if err := ticket.Rate(ctx, d, w.get(t, declined.ID), w.anna, ticket.RatingGood, "", w.at(7)); !errors.Is(err, ticket.ErrNotDone) {
			t.Errorf("rating a declined request: %v", err)
		}
	})
}
