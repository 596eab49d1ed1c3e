// Package scale fills a tenant with many realistic tickets for load tests and
// benchmarks: companies with a main contact and four users each, and tickets spread
// over three years with their conversation (staff replies, internal notes), status
// history and followers. The rows are exactly those ticket.Create and the status
// changes write, only written in bulk: multi-row INSERTs in large transactions on
// SQLite, COPY on PostgreSQL.
package scale

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"pforte/internal/db"
)

// Options says how many tickets to make and where to report progress.
type Options struct {
	Tickets  int
	Password string    // password of the generated contacts
	Seed     uint64    // 0: a different data set every run
	Now      time.Time // zero: time.Now()
	Progress io.Writer // nil: quiet
}

// Result tells what was written and who can log in to see it.
type Result struct {
	Tickets, Messages, Events, Followers int
	Companies, Contacts                  int
	Elapsed                              time.Duration
	Main, User                           Login // a main contact and a user of the company with most tickets
	CompanyTickets                       int   // tickets of that company
	TicketID                             int64 // its most recently updated ticket
}

// Login is a generated contact who can log in.
type Login struct {
	Email, Password, Company string
	ContactID, CompanyID     int64
}

// chunkSize is how many tickets travel from the generator to the writer at a time.
const chunkSize = 2000

// Run adds o.Tickets tickets to the tenant. The text is generated on one goroutine
// while another writes, so the two cores of a small machine both work.
func Run(ctx context.Context, d *db.DB, tenantID int64, o Options) (Result, error) {
	start := time.Now()
	if o.Now.IsZero() {
		o.Now = start
	}
	if o.Seed == 0 {
		o.Seed = uint64(start.UnixNano())
	}
	var res Result
	w, err := setup(ctx, d, tenantID, o.Tickets, o.Password, rngFor(o.Seed), o.Now)
	if err != nil {
		return res, err
	}
	res.Companies = len(w.companies)
	for _, f := range w.companies {
		res.Contacts += len(f.people)
	}
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, "%d companies and %d contacts ready (%s); writing %d tickets…\n",
			res.Companies, res.Contacts, time.Since(start).Round(time.Millisecond), o.Tickets)
	}

	firstMessage, err := nextMessageID(ctx, d) // index.go
	if err != nil {
		return res, err
	}
	chunks, stop := make(chan *chunk, 4), make(chan struct{})
	defer close(stop)
	go produce(w, o.Seed, o.Tickets, chunkSize, o.Now, chunks, stop)
	perCompany := make([]int, len(w.companies))
	writeStart, lastReport := time.Now(), time.Now()
	done := func(c *chunk) {
		res.Tickets += len(c.tickets)
		res.Messages += len(c.messages)
		res.Events += len(c.events)
		res.Followers += len(c.followers)
		for _, ci := range c.companies {
			perCompany[ci]++
		}
		if o.Progress != nil && (time.Since(lastReport) >= 2*time.Second || res.Tickets == o.Tickets) {
			lastReport = time.Now()
			el := time.Since(writeStart).Seconds()
			fmt.Fprintf(o.Progress, "  %9d / %d tickets  %5.1f s  %8.0f tickets/s\n", res.Tickets, o.Tickets, el, float64(res.Tickets)/el)
		}
	}
	if d.Engine() == db.Postgres {
		err = writePostgres(ctx, d, tenantID, chunks, done)
	} else {
		err = writeSQLite(ctx, d, chunks, done)
	}
	if err != nil {
		return res, err
	}
	if err := indexMessages(ctx, d, firstMessage, o.Progress); err != nil {
		return res, err
	}
	if err := finish(ctx, d, o.Progress); err != nil {
		return res, err
	}
	res.Elapsed = time.Since(start)

	big := slices.Index(perCompany, slices.Max(perCompany))
	f := w.companies[big]
	res.CompanyTickets = perCompany[big]
	res.Main = Login{Email: f.emails[0], Password: o.Password, Company: f.name, ContactID: f.people[0].id, CompanyID: f.id}
	res.User = Login{Email: f.emails[1], Password: o.Password, Company: f.name, ContactID: f.people[1].id, CompanyID: f.id}
	err = d.QueryRow(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND company_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1`,
		tenantID, f.id).Scan(&res.TicketID)
	return res, err
}

// finish gives the planner fresh statistics, as autovacuum (PostgreSQL) or the
// janitor's PRAGMA optimize (SQLite) would some time later.
func finish(ctx context.Context, d *db.DB, progress io.Writer) error {
	start := time.Now()
	stmts := []string{`ANALYZE tickets`, `ANALYZE ticket_messages`, `ANALYZE ticket_events`, `ANALYZE ticket_followers`,
		`ANALYZE companies`, `ANALYZE contacts`, `ANALYZE memberships`}
	for _, s := range stmts {
		if _, err := d.Exec(ctx, s); err != nil {
			return fmt.Errorf("scale: %s: %w", s, err)
		}
	}
	if _, err := db.AnalyzeSmall(ctx, d); err != nil { // the statuses the lists join
		return fmt.Errorf("scale: %w", err)
	}
	if progress != nil {
		fmt.Fprintf(progress, "statistics updated (ANALYZE, %s)\n", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

func rngFor(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }
