package scale_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/principal"
	"pforte/internal/scale"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// load gives a fresh database with the demo tenant and n generated tickets.
func load(t testing.TB, e db.Engine, n int) (*db.DB, tenant.Tenant, scale.Result) {
	t.Helper()
	ctx := context.Background()
	d := testutil.Open(t, e)
	if _, err := demo.Load(ctx, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	// The generator's own tickets are the only ones: the demo's few go first.
	if _, err := d.Exec(ctx, `DELETE FROM tickets`); err != nil {
		t.Fatal(err)
	}
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scale.Run(ctx, d, ten.ID, scale.Options{Tickets: n, Password: demo.ContactPassword, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	return d, ten, res
}

// The generated rows are those the helpdesk itself writes: every list, detail and
// search of the ticket package works on them, and the printed login is real.
func TestRunWritesWorkingTickets(t *testing.T) {
	n := 3000
	if s := os.Getenv("PFORTE_SCALE_TEST_TICKETS"); s != "" { // for profiling a bigger load
		n, _ = strconv.Atoi(s)
	}
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d, ten, res := load(t, e, n)
		if res.Tickets != n || res.Messages < n || res.Events < n || res.Companies != max(5, n/1000) || res.Contacts != 5*res.Companies {
			t.Fatalf("result %+v", res)
		}
		count := func(q string, args ...any) int {
			t.Helper()
			var c int
			if err := d.QueryRow(ctx, q, args...).Scan(&c); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return c
		}
		for q, want := range map[string]int{
			`SELECT COUNT(*) FROM tickets`: n,
			`SELECT COUNT(DISTINCT reply_token) FROM tickets WHERE length(reply_token) = 20`:      n,
			`SELECT COUNT(DISTINCT reply_secret) FROM tickets WHERE length(reply_secret) = 32`:    n,
			`SELECT COUNT(*) FROM tickets WHERE search = lower(title)`:                            n,
			`SELECT COUNT(*) FROM tickets WHERE updated_at < created_at`:                          0,
			`SELECT COUNT(*) FROM tickets WHERE portal_at < created_at OR portal_at > updated_at`: 0,
			`SELECT COUNT(*) FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
				WHERE m.created_at < t.created_at OR m.created_at > t.updated_at`: 0,
			`SELECT COUNT(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.created_at > t.updated_at`: 0,
			`SELECT COUNT(*) FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id AND s.tenant_id = t.tenant_id`:   n,
			`SELECT COUNT(*) FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
				WHERE (s.kind IN ('resolved', 'closed')) <> (t.closed_at IS NOT NULL)`: 0,
			`SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e
				WHERE e.ticket_id = t.id AND e.kind = 'created')`: 0,
			// Service-level columns (sla.go) from the demo's targets, which cover every priority.
			`SELECT COUNT(*) FROM tickets WHERE resolution_due_at > created_at AND first_response_due_at > created_at`: n,
			`SELECT COUNT(*) FROM tickets WHERE (sla_due_at IS NULL) <> (closed_at IS NOT NULL)`:                       0,
			`SELECT COUNT(*) FROM tickets WHERE resolved_at IS DISTINCT FROM closed_at`:                                0,
			`SELECT COUNT(*) FROM tickets t WHERE first_responded_at IS DISTINCT FROM (SELECT MIN(m.created_at)
				FROM ticket_messages m WHERE m.ticket_id = t.id AND m.staff_id IS NOT NULL AND NOT m.internal)`: 0,
		} {
			if got := count(q); got != want {
				t.Errorf("%s: %d, want %d", q, got, want)
			}
		}
		done := count(`SELECT COUNT(*) FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE s.kind IN ('resolved', 'closed')`)
		open := count(`SELECT COUNT(*) FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE s.kind IN ('open', 'waiting')`)
		if done < n*8/10 || open == 0 {
			t.Errorf("%d done, %d open of %d: want mostly done, some open", done, open, n)
		}
		if count(`SELECT COUNT(*) FROM ticket_messages WHERE internal`) == 0 || count(`SELECT COUNT(*) FROM ticket_messages WHERE staff_id IS NOT NULL AND NOT internal`) == 0 {
			t.Error("want staff replies and internal notes")
		}
		if e == db.Postgres { // the foreign keys dropped for the load are back, as a fresh schema has them
			q := `SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('tickets'::regclass,
				'ticket_messages'::regclass, 'ticket_events'::regclass, 'ticket_followers'::regclass)`
			var want int
			if err := testutil.Open(t, e).QueryRow(ctx, q).Scan(&want); err != nil {
				t.Fatal(err)
			}
			if got := count(q); got != want || want == 0 {
				t.Errorf("%d foreign keys on the ticket tables, want %d", got, want)
			}
		}
		if e == db.SQLite { // the trigram index knows every ticket
			if got := count(`SELECT COUNT(*) FROM tickets_search WHERE tickets_search MATCH '"drucker" OR "printer"'`); got == 0 {
				t.Error("search index is empty")
			}
		}

		var hash string
		if err := d.QueryRow(ctx, `SELECT password_hash FROM contacts WHERE email = ?`, res.Main.Email).Scan(&hash); err != nil {
			t.Fatal(err)
		}
		if err := auth.CheckPassword(hash, demo.ContactPassword); err != nil {
			t.Fatalf("login %s: %v", res.Main.Email, err)
		}
		main := principal.Contact{TenantID: ten.ID, ContactID: res.Main.ContactID, CompanyID: res.Main.CompanyID, Role: principal.RoleMain}
		user := principal.Contact{TenantID: ten.ID, ContactID: res.User.ContactID, CompanyID: res.User.CompanyID, Role: principal.RoleUser}
		all, _, err := ticket.ListForContact(ctx, d, main, ticket.Filter{State: "all"})
		if err != nil || len(all) != ticket.PageSize {
			t.Fatalf("main contact's list: %d rows, %v", len(all), err)
		}
		mine, _, err := ticket.ListForContact(ctx, d, user, ticket.Filter{State: "all"})
		if err != nil || len(mine) == 0 {
			t.Fatalf("user's list: %d rows, %v", len(mine), err)
		}
		found, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{State: "all", Query: "drucker"})
		if err != nil || len(found) == 0 || !strings.Contains(strings.ToLower(found[0].Title), "drucker") {
			t.Fatalf("search: %d rows, %v", len(found), err)
		}
		tk, err := ticket.ForContact(ctx, d, main, res.TicketID)
		if err != nil {
			t.Fatal(err)
		}
		det, err := ticket.Load(ctx, d, tk, false)
		if err != nil || len(det.Messages) == 0 || len(det.Events) == 0 {
			t.Fatalf("detail: %d messages, %d events, %v", len(det.Messages), len(det.Events), err)
		}
		for _, m := range det.Messages {
			if m.Internal {
				t.Fatal("internal note shown to a contact")
			}
		}
		// The generator leaves the tables usable by the normal code: a new ticket gets
		// the next id and its own reply token.
		err = d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ticket.Create(ctx, tx, ticket.New{TenantID: ten.ID, CompanyID: main.CompanyID, ContactID: main.ContactID,
				Author: "x", Title: "Neues Ticket", Body: "Text"}, time.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
