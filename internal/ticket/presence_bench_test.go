package ticket_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// BenchmarkPresence measures what presence adds: the queue's one lookup of a page's
// 50 ticket ids (MarkWatched), a ticket page's heartbeat (Beat) and its list of
// colleagues (Present), on the scale generator's tickets (benchData: 100,000 by
// default, PFORTE_BENCH_TICKETS to change it) with a busy moment's presence: every
// staff member on ten tickets of the queue's first page.
func BenchmarkPresence(b *testing.B) {
	n := 100000
	if s := os.Getenv("PFORTE_BENCH_TICKETS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	engines := testutil.Engines(b)
	if os.Getenv("PFORTE_BENCH_DATABASE_URL") != "" && !slices.Contains(engines, db.Postgres) {
		engines = append(engines, db.Postgres)
	}
	for _, e := range engines {
		d, ten, _, _ := benchData(b, e, n)
		now := time.Now()
		var staffIDs, page []int64
		rows, err := d.Query(ctx, `SELECT id FROM staff WHERE tenant_id = ? ORDER BY id`, ten.ID)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			staffIDs = append(staffIDs, id)
		}
		rows.Close()
		list, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{})
		if err != nil || len(list) == 0 {
			b.Fatalf("queue: %d tickets, %v", len(list), err)
		}
		for _, t := range list {
			page = append(page, t.ID)
		}
		for i, s := range staffIDs {
			for k := range 10 {
				if err := ticket.Beat(ctx, d, ten.ID, page[(i+k)%len(page)], s, k%3 == 0, now); err != nil {
					b.Fatal(err)
				}
			}
		}
		me := staffIDs[0]
		if os.Getenv("PFORTE_BENCH_EXPLAIN") == "1" {
			x := &testutil.Explainer{DB: d}
			err := ticket.MarkWatched(ctx, x, ten.ID, me, slices.Clone(list), now)
			_, err2 := ticket.Present(ctx, x, ten.ID, page[0], me, now)
			b.Logf("%s: %d staff, %v %v\n%s", e, len(staffIDs), err, err2, x.Plans.String())
		}
		b.Run(string(e)+"/queue-page", func(b *testing.B) {
			for b.Loop() {
				l := slices.Clone(list)
				if err := ticket.MarkWatched(ctx, d, ten.ID, me, l, now); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(string(e)+"/beat", func(b *testing.B) {
			for b.Loop() {
				if err := ticket.Beat(ctx, d, ten.ID, page[0], me, false, now); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(string(e)+"/present", func(b *testing.B) {
			for b.Loop() {
				if _, err := ticket.Present(ctx, d, ten.ID, page[0], me, now); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
