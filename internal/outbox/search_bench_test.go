package outbox_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/outbox"
	"pforte/internal/scale"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
)

// BenchmarkOutboxSearch measures the outbox's filters and text search on a tenant with
// many mails: 200,000 by default (PFORTE_BENCH_MAILS to change it), written about the
// tickets of the scale generator, in the sizes real ticket mails have.
// PFORTE_BENCH_EXPLAIN=1 logs each query's plan (run with -v).
func BenchmarkOutboxSearch(b *testing.B) {
	n := 200000
	if s := os.Getenv("PFORTE_BENCH_MAILS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	for _, e := range testutil.Engines(b) {
		d, tenantID, ticketID := benchMails(b, e, n)
		for _, c := range []struct {
			name  string
			f     outbox.Filter
			admin bool
		}{
			{"all", outbox.Filter{}, true},
			{"failed", outbox.Filter{State: "failed"}, true},
			{"queued", outbox.Filter{State: "queued"}, false},
			{"sent", outbox.Filter{State: "sent"}, false},
			{"ticket", outbox.Filter{TicketID: ticketID}, true},
			{"ticket-failed", outbox.Filter{TicketID: ticketID, State: "failed"}, true},
			{"text-common", outbox.Filter{Query: "kunde"}, true},
			{"text-rare", outbox.Filter{Query: "nobody-has-this"}, false},
			{"text-address", outbox.Filter{Query: "anna.k7@"}, true},
			{"text-failed", outbox.Filter{Query: "FIRMA", State: "failed"}, true},
			{"text-sent-rare", outbox.Filter{Query: "anna.k7@", State: "sent"}, false},
			{"text-failed-rare", outbox.Filter{Query: "anna.k7@", State: "failed"}, false},
			{"text-ticket", outbox.Filter{Query: "drucker", TicketID: ticketID}, false},
		} {
			if benchdb.Explain() {
				x := &testutil.Explainer{DB: d}
				p, err := outbox.Search(ctx, x, tenantID, c.f, 0, c.admin, 50)
				b.Logf("%s %s: %d mails, older %d, partial %v, %v\n%s", e, c.name, len(p.Mails), p.Older, p.Partial, err, x.Plans.String())
			}
			b.Run(string(e)+"/"+c.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := outbox.Search(ctx, d, tenantID, c.f, 0, c.admin, 50); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// benchMails returns a database whose default tenant has n mails (one in a hundred
// failed, one in two hundred queued, most about a ticket) and a ticket with mails.
func benchMails(b *testing.B, e db.Engine, n int) (*db.DB, int64, int64) {
	ctx := context.Background()
	d := testutil.Open(b, e)
	if _, err := demo.Load(ctx, d, time.Now()); err != nil {
		b.Fatal(err)
	}
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := scale.Run(ctx, d, ten.ID, scale.Options{Tickets: max(n/15, 100), Password: "x", Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var tickets []int64
	rows, err := d.Query(ctx, `SELECT id FROM tickets WHERE tenant_id = ? ORDER BY id`, ten.ID)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		tickets = append(tickets, id)
	}
	rows.Close()
	msg, err := outbox.Letter{Lang: "de", Key: "mail.ticket_reply", Sender: "Demo GmbH", ActionURL: "https://portal.example/tickets/1",
		Data:  map[string]any{"FirstName": "Anna", "Ticket": 1042, "Title": "Drucker im 2. OG druckt nicht", "Portal": "Demo"},
		Quote: strings.Repeat("Der Toner wurde getauscht, bitte testen Sie noch einmal. ", 12)}.Render()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	const batch = 200
	err = d.InTx(ctx, func(tx *db.Tx) error {
		for i := 0; i < n; i += batch {
			var q strings.Builder
			q.WriteString(`INSERT INTO mails (tenant_id, to_addr, subject, text_body, html_body, message_id, state, stored_path,
				created_at, ticket_id) VALUES `)
			var args []any
			for j := i; j < min(i+batch, n); j++ {
				if j > i {
					q.WriteString(", ")
				}
				q.WriteString("(?, ?, ?, ?, ?, ?, ?, 'smtp', ?, ?)")
				state := "sent"
				switch {
				case j%100 == 7:
					state = "failed"
				case j%200 == 3:
					state = "queued"
				}
				var ticket any
				if j%10 != 0 {
					ticket = tickets[j%len(tickets)]
				}
				args = append(args, ten.ID, fmt.Sprintf("anna.k%d@firma%d.kunde.test", j%5000, j%700),
					fmt.Sprintf("[#%d] Antwort: Drucker im %d. OG druckt nicht", j%len(tickets), j%9), msg.Text, msg.HTML,
					fmt.Sprintf("m%d@pforte", j), state, time.Now().Add(time.Duration(j-n)*time.Minute).Unix(), ticket)
			}
			if _, err := tx.Exec(ctx, q.String(), args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if e == db.Postgres {
		d.Exec(ctx, `ANALYZE mails`)
	}
	b.Logf("%s: %d mails in %v", e, n, time.Since(start))
	return d, ten.ID, tickets[len(tickets)/2]
}
