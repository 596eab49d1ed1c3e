package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestDeletedNumberNotReused: after the newest ticket is deleted (spam, typically), the
// next ticket gets a new number, not the deleted one's, on both engines.
func TestDeletedNumberNotReused(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newDeskWorld(t, d, "numbers", time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
		open := func(title string) int64 {
			id, err := ticket.Create(ctx, d, ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.ct, Author: "Anna",
				Title: title, Body: "Text"}, w.t0)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		open("erstes")
		spam := open("Gewinnspiel")
		for range 2 { // twice: the floor also holds when nothing newer came in between
			if _, _, err := ticket.Delete(ctx, d, w.ten.ID, spam, time.Now()); err != nil {
				t.Fatal(err)
			}
			next := open("echtes")
			if next <= spam {
				t.Fatalf("new ticket #%d after deleting #%d: the number is handed out again", next, spam)
			}
			spam = next
		}
	})
}
