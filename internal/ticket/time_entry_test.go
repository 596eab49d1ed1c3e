package ticket_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

const (
	agentA, agentB, adminC int64 = 101, 102, 103 // staff ids: entries keep them without a key
)

func addTime(t *testing.T, d *db.DB, tk ticket.Ticket, staffID int64, date string, minutes int, billable bool) int64 {
	t.Helper()
	id, err := ticket.AddTime(context.Background(), d, tk, staffID, ticket.TimeInput{Date: date, Minutes: minutes,
		Billable: billable, Note: "work"}, testNow())
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestTimeEntries: staff add, change and delete time on a ticket; agents change only
// their own entries, admins any; sums split billable time; out-of-range input is
// refused by the data layer too.
func TestTimeEntries(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newMergeWorld(t, d)
		tk := w.open(t, w.acme, w.anna, "Printer jams", 0)
		a := addTime(t, d, tk, agentA, "2026-11-02", 90, true)
		addTime(t, d, tk, agentB, "2026-11-01", 30, false)
		list, err := ticket.TimesOf(ctx, d, w.ten.ID, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Date != "2026-11-01" || list[1].ID != a || list[1].CompanyID != w.acme {
			t.Fatalf("entries %+v", list)
		}
		if s := ticket.SumTimes(list); s.Minutes != 120 || s.Billable != 90 {
			t.Errorf("sums %+v, want 120 and 90 billable", s)
		}
		e, err := ticket.TimeEntryOf(ctx, d, w.ten.ID, tk.ID, a)
		if err != nil {
			t.Fatal(err)
		}
		in := ticket.TimeInput{Date: "2026-11-03", Minutes: 60, Billable: false, Note: "less"}
		if err := ticket.UpdateTime(ctx, d, tk, e, agentB, false, in, testNow()); !errors.Is(err, ticket.ErrTimeNotYours) {
			t.Errorf("agent changed a colleague's entry: %v", err)
		}
		if err := ticket.DeleteTime(ctx, d, tk, e, agentB, false); !errors.Is(err, ticket.ErrTimeNotYours) {
			t.Errorf("agent deleted a colleague's entry: %v", err)
		}
		if err := ticket.UpdateTime(ctx, d, tk, e, agentA, false, in, testNow()); err != nil {
			t.Fatalf("own entry: %v", err)
		}
		if e, _ = ticket.TimeEntryOf(ctx, d, w.ten.ID, tk.ID, a); e.Minutes != 60 || e.Billable || e.Date != "2026-11-03" || e.Note != "less" {
			t.Errorf("changed entry %+v", e)
		}
		if err := ticket.UpdateTime(ctx, d, tk, e, adminC, true, ticket.TimeInput{Date: "2026-11-03", Minutes: 45, Billable: true}, testNow()); err != nil {
			t.Fatalf("admin on another's entry: %v", err)
		}
		for _, bad := range []ticket.TimeInput{{Date: "2026-11-03", Minutes: 0}, {Date: "2026-11-03", Minutes: 1441},
			{Date: "3.11.2026", Minutes: 5}, {Date: "2026-11-03", Minutes: 5, Note: string(make([]rune, 501))}} {
			if _, err := ticket.AddTime(ctx, d, tk, agentA, bad, testNow()); !errors.Is(err, ticket.ErrTimeInvalid) {
				t.Errorf("AddTime(%+v): %v", bad, err)
			}
		}
		if err := ticket.DeleteTime(ctx, d, tk, e, adminC, true); err != nil {
			t.Fatal(err)
		}
		if _, err := ticket.TimeEntryOf(ctx, d, w.ten.ID, tk.ID, a); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deleted entry still there: %v", err)
		}
	})
}

// TestTimeBilledLock: a billed ticket takes no new, changed or deleted time; removing
// the mark unlocks it.
func TestTimeBilledLock(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newMergeWorld(t, d)
		tk := w.open(t, w.acme, w.anna, "Printer jams", 0)
		id := addTime(t, d, tk, agentA, "2026-11-02", 90, true)
		if err := ticket.SetBilled(ctx, d, tk, true, ticket.Actor{Name: "Agent"}, testNow()); err != nil {
			t.Fatal(err)
		}
		tk = w.get(t, tk.ID)
		e, err := ticket.TimeEntryOf(ctx, d, w.ten.ID, tk.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		in := ticket.TimeInput{Date: "2026-11-02", Minutes: 10}
		if _, err := ticket.AddTime(ctx, d, tk, agentA, in, testNow()); !errors.Is(err, ticket.ErrBilled) {
			t.Errorf("add on billed: %v", err)
		}
		if err := ticket.UpdateTime(ctx, d, tk, e, adminC, true, in, testNow()); !errors.Is(err, ticket.ErrBilled) {
			t.Errorf("change on billed: %v", err)
		}
		if err := ticket.DeleteTime(ctx, d, tk, e, adminC, true); !errors.Is(err, ticket.ErrBilled) {
			t.Errorf("delete on billed: %v", err)
		}
		if e2, _ := ticket.TimeEntryOf(ctx, d, w.ten.ID, tk.ID, id); e2.Minutes != 90 {
			t.Errorf("billed entry changed: %+v", e2)
		}
		if err := ticket.SetBilled(ctx, d, tk, false, ticket.Actor{Name: "Agent"}, testNow()); err != nil {
			t.Fatal(err)
		}
		if _, err := ticket.AddTime(ctx, d, w.get(t, tk.ID), agentA, in, testNow()); err != nil {
			t.Errorf("add after unbilling: %v", err)
		}
	})
}

// TestTimeMerge: merging moves the source's time entries to the target with its
// messages; the target's sums hold both tickets' time.
func TestTimeMerge(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newMergeWorld(t, d)
		target := w.open(t, w.acme, w.anna, "Printer jams", 0)
		source := w.open(t, w.acme, w.bernd, "Drucker streikt", 1)
		addTime(t, d, target, agentA, "2026-11-02", 30, true)
		moved := addTime(t, d, source, agentB, "2026-11-01", 45, false)
		if err := w.merge(w.get(t, source.ID), w.get(t, target.ID), 10); err != nil {
			t.Fatal(err)
		}
		list, err := ticket.TimesOf(ctx, d, w.ten.ID, target.ID)
		if err != nil {
			t.Fatal(err)
		}
		if s := ticket.SumTimes(list); len(list) != 2 || s.Minutes != 75 || s.Billable != 30 || list[0].ID != moved {
			t.Errorf("target's time after merge: %+v", list)
		}
		if left, _ := ticket.TimesOf(ctx, d, w.ten.ID, source.ID); len(left) != 0 {
			t.Errorf("source kept time: %+v", left)
		}
		if _, err := ticket.TimeEntryOf(ctx, d, w.ten.ID, source.ID, moved); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("moved entry still found on the source: %v", err)
		}
		if _, err := ticket.AddTime(ctx, d, w.get(t, source.ID), agentA, ticket.TimeInput{Date: "2026-11-02", Minutes: 5}, testNow()); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("time on a merged ticket: %v", err)
		}
	})
}

// TestTimeTenantIsolation: another tenant's (or another ticket's) entry id finds
// nothing, and its time shows in no list of this tenant.
func TestTimeTenantIsolation(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newMergeWorld(t, d)
		mine := w.open(t, w.acme, w.anna, "Printer jams", 0)
		other := w.open(t, w.acme, w.anna, "Scanner", 1)
		ten2, err := tenant.Create(ctx, d, "Other GmbH", "en", tenant.Modules, testNow())
		if err != nil {
			t.Fatal(err)
		}
		co, err := company.Create(ctx, d, company.Company{TenantID: ten2.ID, Name: "Zeta"}, testNow())
		if err != nil {
			t.Fatal(err)
		}
		fid, err := ticket.Create(ctx, d, ticket.New{TenantID: ten2.ID, CompanyID: co.ID, Author: "Z", Title: "Foreign", Body: "x"}, testNow())
		if err != nil {
			t.Fatal(err)
		}
		foreignTk, err := ticket.ForStaff(ctx, d, ten2.ID, fid)
		if err != nil {
			t.Fatal(err)
		}
		foreign := addTime(t, d, foreignTk, agentA, "2026-11-02", 60, true)
		mineID := addTime(t, d, mine, agentA, "2026-11-02", 15, true)
		if _, err := ticket.TimeEntryOf(ctx, d, w.ten.ID, fid, foreign); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("foreign tenant's entry: %v", err)
		}
		if _, err := ticket.TimeEntryOf(ctx, d, w.ten.ID, other.ID, mineID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("entry through another ticket: %v", err)
		}
		if list, _ := ticket.TimesOf(ctx, d, w.ten.ID, fid); len(list) != 0 {
			t.Errorf("foreign ticket's time listed: %+v", list)
		}
		// An entry read through its own ticket cannot be changed through another.
		e, _ := ticket.TimeEntryOf(ctx, d, w.ten.ID, mine.ID, mineID)
		if err := ticket.DeleteTime(ctx, d, other, e, agentA, true); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("delete through another ticket: %v", err)
		}
	})
}

func testNow() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
