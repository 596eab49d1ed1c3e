package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestPresence: a heartbeat shows a staff member on a ticket to the others (never to
// themselves), with the typing flag of their latest beat; an entry ages out after
// PresenceTTL on an injected clock and is deleted by the next beat on the ticket or by
// the sweep; the queue's marks cover exactly the page's watched tickets; another
// tenant's ticket takes no beat and shows nobody.
func TestPresence(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		t0 := time.Unix(1_800_000_000, 0)
		w := newReadWorld(t, d, t0)
		tid, a, b := w.ten.ID, w.a.ID, w.b.ID
		beat := func(staffID int64, typing bool, at time.Time) {
			t.Helper()
			if err := ticket.Beat(ctx, d, tid, w.id, staffID, typing, at); err != nil {
				t.Fatal(err)
			}
		}
		present := func(me int64, at time.Time) []ticket.Presence {
			t.Helper()
			ps, err := ticket.Present(ctx, d, tid, w.id, me, at)
			if err != nil {
				t.Fatal(err)
			}
			return ps
		}
		rows := func() int {
			var n int
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_presence`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}

		beat(a, false, t0)
		if ps := present(a, t0); len(ps) != 0 {
			t.Fatalf("A sees themselves: %+v", ps)
		}
		ps := present(b, t0.Add(5*time.Second))
		if len(ps) != 1 || ps[0].StaffID != a || ps[0].Name != "A" || ps[0].Typing {
			t.Fatalf("B sees %+v, want A viewing", ps)
		}
		// A starts writing; the next beat without text clears it again.
		beat(a, true, t0.Add(10*time.Second))
		if ps := present(b, t0.Add(10*time.Second)); len(ps) != 1 || !ps[0].Typing {
			t.Fatalf("B sees %+v, want A writing", ps)
		}
		beat(b, false, t0.Add(11*time.Second))
		if ps := present(a, t0.Add(11*time.Second)); len(ps) != 1 || ps[0].StaffID != b {
			t.Fatalf("A sees %+v, want B", ps)
		}
		beat(a, false, t0.Add(12*time.Second))
		if ps := present(b, t0.Add(12*time.Second)); len(ps) != 1 || ps[0].Typing {
			t.Fatalf("B sees %+v, want A viewing only", ps)
		}
		if n := rows(); n != 2 {
			t.Fatalf("%d rows for two members, want 2 (one each, upserted)", n)
		}

		// Ageing: A's last beat at +12 s counts until +52 s, not after.
		if ps := present(b, t0.Add(12*time.Second+ticket.PresenceTTL)); len(ps) != 1 {
			t.Fatalf("A gone before the window ended: %+v", ps)
		}
		if ps := present(b, t0.Add(13*time.Second+ticket.PresenceTTL)); len(ps) != 0 {
			t.Fatalf("A still there after the window: %+v", ps)
		}
		// B's beat deletes A's stale row (any of the tenant's).
		later := t0.Add(time.Minute)
		beat(b, false, later)
		if n := rows(); n != 1 {
			t.Fatalf("%d rows after B's beat, want A's stale row deleted", n)
		}

		// The queue: a second ticket nobody has open; only the watched one is marked,
		// for B not at all (only B is there), for A with B viewing.
		other, err := ticket.Create(ctx, d, ticket.New{TenantID: tid, CompanyID: w.co.ID, ContactID: w.ct.ID, Author: "Anna", Title: "Fax", Body: "x"}, t0)
		if err != nil {
			t.Fatal(err)
		}
		list := []ticket.Ticket{{ID: w.id}, {ID: other}}
		if err := ticket.MarkWatched(ctx, d, tid, a, list, later); err != nil {
			t.Fatal(err)
		}
		if list[0].Watched != ticket.Viewing || list[1].Watched != "" {
			t.Fatalf("A's queue marks %q %q, want viewing and none", list[0].Watched, list[1].Watched)
		}
		if err := ticket.MarkWatched(ctx, d, tid, b, list, later); err != nil {
			t.Fatal(err)
		}
		if list[0].Watched != "" {
			t.Fatalf("B's own presence marks the row: %q", list[0].Watched)
		}
		if err := ticket.Beat(ctx, d, tid, w.id, a, true, later); err != nil {
			t.Fatal(err)
		}
		if err := ticket.MarkWatched(ctx, d, tid, b, list, later); err != nil {
			t.Fatal(err)
		}
		if list[0].Watched != ticket.Typing {
			t.Fatalf("B's queue mark %q, want typing", list[0].Watched)
		}

		// Another tenant: its staff member's beat on this tenant's ticket records
		// nothing, and this tenant's presence does not show on its side.
		ten2, err := tenant.Create(ctx, d, "Other Service", "de", tenant.Modules, t0)
		if err != nil {
			t.Fatal(err)
		}
		co2, err := company.Create(ctx, d, company.Company{TenantID: ten2.ID, Name: "Beta"}, t0)
		if err != nil {
			t.Fatal(err)
		}
		x, err := staff.Create(ctx, d, staff.Member{TenantID: ten2.ID, Email: "x@other.test", Name: "X", Role: staff.RoleAgent}, t0)
		if err != nil {
			t.Fatal(err)
		}
		before := rows()
		if err := ticket.Beat(ctx, d, ten2.ID, w.id, x.ID, false, later); err != nil {
			t.Fatal(err)
		}
		if n := rows(); n != before {
			t.Fatalf("a foreign tenant's beat wrote a row: %d → %d", before, n)
		}
		if ps, err := ticket.Present(ctx, d, ten2.ID, w.id, x.ID, later); err != nil || len(ps) != 0 {
			t.Fatalf("foreign tenant sees %+v (%v)", ps, err)
		}
		foreign := []ticket.Ticket{{ID: w.id}}
		if err := ticket.MarkWatched(ctx, d, ten2.ID, x.ID, foreign, later); err != nil || foreign[0].Watched != "" {
			t.Fatalf("foreign queue mark %q (%v)", foreign[0].Watched, err)
		}
		id2, err := ticket.Create(ctx, d, ticket.New{TenantID: ten2.ID, CompanyID: co2.ID, Author: "B", Title: "Other", Body: "x"}, t0)
		if err != nil {
			t.Fatal(err)
		}
		if err := ticket.Beat(ctx, d, ten2.ID, id2, x.ID, false, later); err != nil {
			t.Fatal(err)
		}
		if ps := present(a, later); len(ps) != 1 || ps[0].StaffID != b {
			t.Fatalf("A sees %+v, want only B", ps)
		}

		// The other tenant's beat leaves this tenant's stale rows alone; the sweep
		// deletes what aged out everywhere and keeps what is current.
		after := later.Add(ticket.PresenceTTL + 5*time.Second)
		if err := ticket.Beat(ctx, d, ten2.ID, id2, x.ID, false, after); err != nil {
			t.Fatal(err)
		}
		if n := rows(); n != 3 {
			t.Fatalf("%d rows after X's beat, want A's and B's stale ones kept for their own tenant", n)
		}
		if err := ticket.SweepPresence(ctx, d, after); err != nil {
			t.Fatal(err)
		}
		if n := rows(); n != 1 {
			t.Fatalf("%d rows after the sweep, want only X's recent one", n)
		}
	})
}
