package report_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil/benchdb"
	"pforte/internal/ticket"
)

// BenchmarkTicketWrites measures what the report indexes (migrations 00041, 00047) cost
// the helpdesk's writes, on BenchmarkReport's data (PFORTE_BENCH_DATA,
// PFORTE_BENCH_DATABASE_URL, PFORTE_BENCH_TICKETS as there): one operation opens a
// ticket for a customer, answers it publicly (its first response) and resolves it, each
// in a transaction of its own as the pages do. tickets/s is how many such tickets a
// second that makes, cpu-ms/op the process's CPU time per ticket (on PostgreSQL
// without the database server's share).
//
//	go test ./internal/report -run xxx -bench TicketWrites -benchtime 300x
func BenchmarkTicketWrites(b *testing.B) {
	ctx := context.Background()
	for _, e := range benchdb.Engines(b) {
		d, ten := benchData(b, e)
		var co, ct, agent int64
		if err := d.QueryRow(ctx, `SELECT company_id, contact_id FROM memberships WHERE tenant_id = ? AND access = 'active'
			ORDER BY id LIMIT 1`, ten.ID).Scan(&co, &ct); err != nil {
			b.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT id FROM staff WHERE tenant_id = ? ORDER BY id LIMIT 1`, ten.ID).Scan(&agent); err != nil {
			b.Fatal(err)
		}
		resolved, err := ticket.StatusByCode(ctx, d, ten.ID, ticket.CodeResolved)
		if err != nil {
			b.Fatal(err)
		}
		change := func(id int64, fn func(tx *db.Tx, t ticket.Ticket) error) error {
			return d.InTx(ctx, func(tx *db.Tx) error {
				t, err := ticket.ForStaff(ctx, tx, ten.ID, id)
				if err != nil {
					return err
				}
				return fn(tx, t)
			})
		}
		b.Run(string(e), func(b *testing.B) {
			i, start, cpu := 0, time.Now(), cpuTime()
			for b.Loop() {
				i++
				at := time.Now()
				var id int64
				err := d.InTx(ctx, func(tx *db.Tx) (err error) {
					id, err = ticket.Create(ctx, tx, ticket.New{TenantID: ten.ID, CompanyID: co, ContactID: ct, Author: "Bench",
						Title: fmt.Sprintf("Drucker %d druckt nicht", i), Body: "Bitte ansehen."}, at)
					return err
				})
				if err == nil {
					err = change(id, func(tx *db.Tx, t ticket.Ticket) error {
						_, err := ticket.AddReply(ctx, tx, t, ticket.Reply{StaffID: agent, Author: "Agent", Body: "Wir sehen nach.", Via: "staff"}, at)
						return err
					})
				}
				if err == nil {
					err = change(id, func(tx *db.Tx, t ticket.Ticket) error {
						_, err := ticket.SetStatus(ctx, tx, t, resolved.ID, ticket.Actor{StaffID: agent, Name: "Agent"}, at)
						return err
					})
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(i)/time.Since(start).Seconds(), "tickets/s")
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(i), "cpu-ms/op")
		})
	}
}
