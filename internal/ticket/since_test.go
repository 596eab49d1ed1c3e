package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestSince: after the mark a page showed, Since tells the messages and the status
// changes and assignments of others — the contact's reply, a colleague's note and
// status change — and leaves out the reader's own and everything up to the mark.
func TestSince(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		t0 := time.Unix(1_800_000_000, 0)
		w := newReadWorld(t, d, t0)
		a := ticket.Actor{StaffID: w.a.ID, Name: "A"}
		b := ticket.Actor{StaffID: w.b.ID, Name: "B"}
		step := func(at time.Time, fn func(tx *db.Tx, tk ticket.Ticket) error) {
			t.Helper()
			if err := d.InTx(ctx, func(tx *db.Tx) error { return fn(tx, w.load(t, d)) }); err != nil {
				t.Fatal(err)
			}
		}
		detail := func() ticket.Detail {
			t.Helper()
			dt, err := ticket.Load(ctx, d, w.load(t, d), true)
			if err != nil {
				t.Fatal(err)
			}
			return dt
		}
		mark := ticket.MarkOf(detail())
		if mark.Message == 0 || mark.Event == 0 {
			t.Fatalf("mark %+v of a ticket with a message and a history", mark)
		}
		since := func(m ticket.Mark, me int64) ticket.Changes {
			t.Helper()
			ch, err := ticket.Since(ctx, d, w.load(t, d), m, me)
			if err != nil {
				t.Fatal(err)
			}
			return ch
		}
		if ch := since(mark, w.a.ID); len(ch.Messages)+len(ch.Events) != 0 {
			t.Fatalf("changes right after the mark: %+v", ch)
		}
		// A's own reply and assignment are no news to A.
		step(t0.Add(time.Minute), func(tx *db.Tx, tk ticket.Ticket) error {
			if _, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: a.StaffID, Author: "A", Body: "on it", Via: "staff"}, t0.Add(time.Minute)); err != nil {
				return err
			}
			return ticket.Assign(ctx, tx, tk, w.a.ID, a, t0.Add(time.Minute))
		})
		if ch := since(mark, w.a.ID); len(ch.Messages)+len(ch.Events) != 0 {
			t.Fatalf("A's own changes count: %+v", ch)
		}
		if ch := since(mark, w.b.ID); len(ch.Messages) != 1 || len(ch.Assignments()) != 1 || len(ch.StatusEvents()) != 0 {
			t.Fatalf("B sees %+v, want A's reply and assignment", ch)
		}
		// The contact answers, B notes and moves the status.
		step(t0.Add(2*time.Minute), func(tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{ContactID: w.ct.ID, Author: "Anna", Body: "still broken"}, t0.Add(2*time.Minute))
			return err
		})
		waiting, err := ticket.StatusByCode(ctx, d, w.ten.ID, ticket.CodeWaiting)
		if err != nil {
			t.Fatal(err)
		}
		step(t0.Add(3*time.Minute), func(tx *db.Tx, tk ticket.Ticket) error {
			if _, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: b.StaffID, Author: "B", Internal: true, Body: "call her", Via: "staff"}, t0.Add(3*time.Minute)); err != nil {
				return err
			}
			_, err := ticket.SetStatus(ctx, tx, tk, waiting.ID, b, t0.Add(3*time.Minute))
			return err
		})
		ch := since(mark, w.a.ID)
		if len(ch.Messages) != 2 || ch.Messages[0].Author != "Anna" || ch.Messages[0].Internal ||
			ch.Messages[1].Author != "B" || !ch.Messages[1].Internal {
			t.Fatalf("A sees messages %+v, want Anna's reply, then B's note", ch.Messages)
		}
		if st := ch.StatusEvents(); len(st) != 1 || st[0].To.ID != waiting.ID || st[0].Actor != "B" {
			t.Fatalf("A sees status changes %+v, want B's move to waiting", st)
		}
		if len(ch.Assignments()) != 0 {
			t.Fatalf("A's own assignment counts: %+v", ch.Assignments())
		}
		// A page shown now is up to date again.
		if ch := since(ticket.MarkOf(detail()), w.a.ID); len(ch.Messages)+len(ch.Events) != 0 {
			t.Fatalf("changes after a fresh mark: %+v", ch)
		}
	})
}
