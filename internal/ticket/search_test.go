package ticket_test

import (
	"context"
	"slices"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestQueueSearchCommonAndRare: on SQLite the staff queue finds the same tickets for a
// search whether the term counts as common (the queue walked in order with LIKE) or rare
// (the trigram index), with and without further filters, with spaces around the term
// and with letters the index folds but the lower-cased column keeps (ſ, final ς).
// PostgreSQL has only the first way.
func TestQueueSearchCommonAndRare(t *testing.T) {
	{
		d := testutil.Open(t, db.SQLite)
		ctx := context.Background()
		ten := scaled(t, d, 1500, 7)
		if _, err := d.Exec(ctx, `UPDATE tickets SET search = search || ' ſtrasse οδος οδοσ' WHERE id IN (SELECT id FROM tickets ORDER BY id LIMIT 3)`); err != nil {
			t.Fatal(err)
		}
		for _, f := range []ticket.Filter{
			{State: "all", Query: "drucker"},
			{State: "all", Query: "DRUCKER", Sort: "created"},
			{Query: "drucker"},
			{State: "done", Query: "drucker", Page: 2},
			{State: "all", Query: "vpn"},
			{State: "all", Query: "xyzzy-nothing"},
			{State: "all", Query: "  drucker "},
			{State: "all", Query: "strasse"},
			{State: "all", Query: "οδος"},
			{State: "all", Query: "ΟΔΟΣ"},
		} {
			restore := ticket.SetCommonAt(1 << 30)
			rare, moreRare, err := ticket.Queue(ctx, d, ten.ID, f)
			if err != nil {
				t.Fatal(err)
			}
			ticket.SetCommonAt(1)
			common, moreCommon, err := ticket.Queue(ctx, d, ten.ID, f)
			restore()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(rare), ids(common)) || moreRare != moreCommon {
				t.Errorf("%+v: rare way %v (more %v), common way %v (more %v)", f, ids(rare), moreRare, ids(common), moreCommon)
			}
			if (f.Query == "drucker" || f.Query == "οδος") && f.State == "all" && len(rare) == 0 {
				t.Errorf("%+v: nothing found; the test data should hold the word", f)
			}
		}
	}
}

func ids(ts []ticket.Ticket) []int64 {
	out := make([]int64, len(ts))
	for i, t := range ts {
		out[i] = t.ID
	}
	return out
}
