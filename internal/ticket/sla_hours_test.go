package ticket_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// hoursOf is the instant at as hours after t0, for the world's helpers.
func (w *slaWorld) hoursOf(at time.Time) float64 { return at.Sub(w.t0).Hours() }

// useCalendar stores the world's calendar: the office week in Berlin, Christmas closed.
func (w *slaWorld) useCalendar(t *testing.T, business, pause bool) {
	t.Helper()
	c := ticket.SLACalendar{BusinessHours: business, PauseWaiting: pause, Week: officeWeek(),
		Holidays: []ticket.Holiday{{Day: "2026-12-25", Name: "1. Weihnachtstag"}, {Day: "2026-12-26"}}}
	if err := ticket.SaveSLACalendar(context.Background(), w.d, w.ten.ID, c); err != nil {
		t.Fatal(err)
	}
}

// dueIDs is the tenant's queue in the "due soonest" order.
func (w *slaWorld) dueIDs(t *testing.T) []int64 {
	t.Helper()
	list, _, err := ticket.Queue(context.Background(), w.d, w.ten.ID, ticket.Filter{Sort: ticket.SortDue})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, tk := range list {
		ids = append(ids, tk.ID)
	}
	return ids
}

// TestSLACalendarDefaults: a new tenant starts with calendar hours, the pause on and the
// office week; a tenant from before calendars (no row) keeps calendar hours without a
// pause. Business hours without an open day are refused; calendar hours do not use the
// week and take one without. Holidays come back by date.
func TestSLACalendarDefaults(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "defaults")
		c, err := ticket.LoadSLACalendar(ctx, d, w.ten.ID)
		if err != nil || c.BusinessHours || !c.PauseWaiting || c.Week != ticket.OfficeWeek() || len(c.Holidays) != 0 {
			t.Fatalf("new tenant: %+v %v", c, err)
		}
		if _, err := d.Exec(ctx, `DELETE FROM ticket_sla_calendars WHERE tenant_id = ?`, w.ten.ID); err != nil {
			t.Fatal(err)
		}
		if c, err = ticket.LoadSLACalendar(ctx, d, w.ten.ID); err != nil || c.BusinessHours || c.PauseWaiting || c.Week != ticket.OfficeWeek() {
			t.Fatalf("tenant from before: %+v %v", c, err)
		}
		if err := ticket.SaveSLACalendar(ctx, d, w.ten.ID, ticket.SLACalendar{BusinessHours: true}); err == nil {
			t.Fatal("a week without an open day was stored")
		}
		if err := ticket.SaveSLACalendar(ctx, d, w.ten.ID, ticket.SLACalendar{PauseWaiting: true}); err != nil {
			t.Fatalf("calendar hours without an open day: %v", err)
		}
		w.useCalendar(t, true, false)
		c, err = ticket.LoadSLACalendar(ctx, d, w.ten.ID)
		want := []ticket.Holiday{{Day: "2026-12-25", Name: "1. Weihnachtstag"}, {Day: "2026-12-26"}}
		if err != nil || !c.BusinessHours || c.PauseWaiting || c.Week != officeWeek() || !slices.Equal(c.Holidays, want) {
			t.Fatalf("stored: %+v %v", c, err)
		}
	})
}

// TestSLABusinessHoursDue: with business hours, a ticket opened on Friday at 16:00
// with a 4 h target is due on Monday at 11:00; nights, weekends and holidays do not
// count for the first response, the resolution, a reopening or a new priority, and
// the overdue count follows. Switched back to calendar hours, targets count as before.
func TestSLABusinessHoursDue(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "hours")
		w.useCalendar(t, true, true)
		friday := w.open(t, ticket.PriorityHigh, w.hoursOf(berlinAt(2026, 11, 20, 16, 0))) // 4 h / 24 h
		s := w.sla(t, friday)
		// 24 h: Friday 1, Monday 9, Tuesday 9, Wednesday 5.
		if !s.FirstResponseDue.Equal(berlinAt(2026, 11, 23, 11, 0)) || !s.ResolutionDue.Equal(berlinAt(2026, 11, 25, 13, 0)) || !s.BusinessHours {
			t.Fatalf("Friday 16:00: %+v", s)
		}
		for at, want := range map[time.Time]int{berlinAt(2026, 11, 23, 10, 59): 0, berlinAt(2026, 11, 23, 11, 1): 1} {
			if n, err := ticket.CountOverdue(ctx, d, w.ten.ID, at); err != nil || n != want {
				t.Errorf("overdue at %v: %d %v, want %d", at, n, err, want)
			}
		}

		christmas := w.open(t, ticket.PriorityUrgent, w.hoursOf(berlinAt(2026, 12, 24, 16, 30))) // 1 h / 8 h
		if s := w.sla(t, christmas); !s.FirstResponseDue.Equal(berlinAt(2026, 12, 28, 8, 30)) || !s.ResolutionDue.Equal(berlinAt(2026, 12, 28, 15, 30)) {
			t.Errorf("Christmas Eve: %+v", s)
		}

		// Resolved, then reopened on a Saturday: the fresh clock starts on Monday.
		w.reply(t, friday, false, w.hoursOf(berlinAt(2026, 11, 23, 9, 0)))
		w.move(t, friday, ticket.CodeResolved, w.hoursOf(berlinAt(2026, 11, 24, 12, 0)))
		if err := ticket.Reopen(ctx, d, w.get(t, friday), true, w.agent, berlinAt(2026, 11, 28, 10, 0)); err != nil {
			t.Fatal(err)
		}
		if s := w.sla(t, friday); !s.ResolutionDue.Equal(berlinAt(2026, 12, 2, 14, 0)) {
			t.Errorf("reopened on Saturday: due %v", s.ResolutionDue.In(zoneBerlin))
		}
		// A new priority counts from the creation in business hours: urgent, 8 h.
		tk := w.get(t, friday)
		if err := ticket.SetDetails(ctx, d, tk, ticket.PriorityUrgent, tk.CategoryID, w.agent, berlinAt(2026, 11, 28, 11, 0)); err != nil {
			t.Fatal(err)
		}
		if s := w.sla(t, friday); !s.FirstResponseDue.Equal(berlinAt(2026, 11, 20, 17, 0)) || !s.ResolutionDue.Equal(berlinAt(2026, 11, 30, 16, 0)) {
			t.Errorf("urgent: %v / %v", s.FirstResponseDue.In(zoneBerlin), s.ResolutionDue.In(zoneBerlin))
		}

		// Back to calendar hours: the next ticket counts nights and weekends again.
		w.useCalendar(t, false, true)
		cal := w.open(t, ticket.PriorityHigh, w.hoursOf(berlinAt(2026, 11, 20, 16, 0)))
		if s := w.sla(t, cal); !s.FirstResponseDue.Equal(berlinAt(2026, 11, 20, 20, 0)) || !s.ResolutionDue.Equal(berlinAt(2026, 11, 21, 16, 0)) || s.BusinessHours {
			t.Errorf("calendar hours: %+v", s)
		}
	})
}

// TestSLAPauseWaiting: waiting for the customer stops the resolution clock — the ticket
// leaves the due list and is never overdue meanwhile — and leaving it moves the
// resolution later by the time waited, whether for open or done; pauses add up and a
// new priority keeps them. The first response is not paused.
func TestSLAPauseWaiting(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "pause") // a new tenant: calendar hours, the pause on
		id := w.open(t, ticket.PriorityHigh, 0)
		w.reply(t, id, false, 1)
		w.move(t, id, ticket.CodeWaiting, 2)
		s := w.sla(t, id)
		if !s.Paused.Equal(w.at(2)) || s.ResolutionState(w.at(100)) != ticket.SLAPaused || !s.ResolutionDue.Equal(w.at(24)) {
			t.Fatalf("waiting: %+v", s)
		}
		if got := w.dueIDs(t); len(got) != 0 {
			t.Errorf("a paused ticket in the due list: %v", got)
		}
		if n, _ := ticket.CountOverdue(ctx, d, w.ten.ID, w.at(100)); n != 0 {
			t.Errorf("a paused ticket is overdue: %d", n)
		}
		// The customer answers after 8 h: the contact's reply moves it to "in progress".
		if _, err := ticket.AddReply(ctx, d, w.get(t, id), ticket.Reply{ContactID: w.ct, Author: "Anna", Body: "tried it"}, w.at(10)); err != nil {
			t.Fatal(err)
		}
		if s := w.sla(t, id); !s.Paused.IsZero() || !s.ResolutionDue.Equal(w.at(32)) || s.ResolutionState(w.at(30)) != ticket.SLAPending {
			t.Fatalf("resumed: %+v", s)
		}
		if list, _, _ := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{Sort: ticket.SortDue}); len(list) != 1 || !list[0].DueAt.Equal(w.at(32)) {
			t.Fatalf("queue after resuming: %+v", list)
		}
		// A second pause of 2 h adds up; a new priority (urgent, 8 h) keeps both.
		w.move(t, id, ticket.CodeWaiting, 12)
		w.move(t, id, ticket.CodeProgress, 14)
		if s := w.sla(t, id); !s.ResolutionDue.Equal(w.at(34)) {
			t.Fatalf("second pause: due %v", s.ResolutionDue)
		}
		tk := w.get(t, id)
		if err := ticket.SetDetails(ctx, d, tk, ticket.PriorityUrgent, tk.CategoryID, w.agent, w.at(15)); err != nil {
			t.Fatal(err)
		}
		if s := w.sla(t, id); !s.ResolutionDue.Equal(w.at(18)) {
			t.Fatalf("urgent after 10 h of waiting: due %v, want %v", s.ResolutionDue, w.at(18))
		}
		// Resolved straight from waiting: the waiting time does not count against it.
		w.move(t, id, ticket.CodeWaiting, 16)
		w.move(t, id, ticket.CodeResolved, 40)
		if s := w.sla(t, id); !s.ResolutionDue.Equal(w.at(42)) || !s.Resolved.Equal(w.at(40)) || s.ResolutionState(w.at(50)) != ticket.SLAMet || !s.Paused.IsZero() {
			t.Fatalf("resolved from waiting: %+v", s)
		}
		// Reopened into waiting: a fresh clock that stands at once, its pauses anew.
		w.move(t, id, ticket.CodeWaiting, 50)
		if s := w.sla(t, id); !s.ResolutionDue.Equal(w.at(58)) || !s.Paused.Equal(w.at(50)) || !s.Resolved.IsZero() {
			t.Fatalf("reopened into waiting: %+v", s)
		}
		w.move(t, id, ticket.CodeProgress, 51)
		if s := w.sla(t, id); !s.ResolutionDue.Equal(w.at(59)) {
			t.Fatalf("reopened and resumed: due %v, want %v", s.ResolutionDue, w.at(59))
		}

		// Waiting unanswered: the first response is still owed and can be overdue.
		unanswered := w.open(t, ticket.PriorityHigh, 0)
		w.move(t, unanswered, ticket.CodeWaiting, 0.5)
		if got := w.dueIDs(t); !slices.Contains(got, unanswered) {
			t.Errorf("an unanswered waiting ticket left the due list: %v", got)
		}
		if s := w.sla(t, unanswered); s.FirstResponseState(w.at(5)) != ticket.SLABreached || s.ResolutionState(w.at(5)) != ticket.SLAPaused {
			t.Errorf("unanswered waiting: %+v", s)
		}
		// Overdue already when it started waiting: breached, not paused, and it stays in
		// the overdue count and the due list (with the unanswered one).
		late := w.open(t, ticket.PriorityUrgent, 0)
		w.reply(t, late, false, 0.5)
		w.move(t, late, ticket.CodeWaiting, 9)
		if s := w.sla(t, late); s.ResolutionState(w.at(9)) != ticket.SLABreached || s.Paused.IsZero() {
			t.Errorf("waiting when overdue: %+v", s)
		}
		if n, err := ticket.CountOverdue(ctx, d, w.ten.ID, w.at(9.5)); err != nil || n != 2 {
			t.Errorf("overdue with the one waiting when overdue: %d %v, want 2", n, err)
		}
		if got := w.dueIDs(t); !slices.Contains(got, late) {
			t.Errorf("a ticket waiting when overdue left the due list: %v", got)
		}
	})
}

// TestSLAPauseBusinessHours: with business hours, only the business time spent waiting
// moves the resolution: waiting from Friday 16:30 to Monday 09:00 is 1.5 h.
func TestSLAPauseBusinessHours(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newSLAWorld(t, d, "pausehours")
		w.useCalendar(t, true, true)
		id := w.open(t, ticket.PriorityHigh, w.hoursOf(berlinAt(2026, 11, 20, 16, 0)))
		w.reply(t, id, false, w.hoursOf(berlinAt(2026, 11, 20, 16, 10)))
		w.move(t, id, ticket.CodeWaiting, w.hoursOf(berlinAt(2026, 11, 20, 16, 30)))
		w.move(t, id, ticket.CodeProgress, w.hoursOf(berlinAt(2026, 11, 23, 9, 0)))
		if s := w.sla(t, id); !s.ResolutionDue.Equal(berlinAt(2026, 11, 25, 14, 30)) {
			t.Errorf("after waiting over the weekend: due %v", s.ResolutionDue.In(zoneBerlin))
		}
	})
}

// TestSLAPauseOff: with the pause off — the rule of tenants from before calendars —
// waiting counts as it always did.
func TestSLAPauseOff(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "nopause")
		if _, err := d.Exec(ctx, `DELETE FROM ticket_sla_calendars WHERE tenant_id = ?`, w.ten.ID); err != nil {
			t.Fatal(err)
		}
		id := w.open(t, ticket.PriorityHigh, 0)
		w.reply(t, id, false, 1)
		w.move(t, id, ticket.CodeWaiting, 2)
		if s := w.sla(t, id); !s.Paused.IsZero() || s.ResolutionState(w.at(25)) != ticket.SLABreached {
			t.Errorf("waiting without the pause: %+v", s)
		}
		if n, _ := ticket.CountOverdue(ctx, d, w.ten.ID, w.at(25)); n != 1 {
			t.Errorf("overdue waiting ticket without the pause: %d", n)
		}
		w.move(t, id, ticket.CodeProgress, 10)
		if s := w.sla(t, id); !s.ResolutionDue.Equal(w.at(24)) {
			t.Errorf("due moved without the pause: %v", s.ResolutionDue)
		}
	})
}

// TestSLAMergeFirstResponse: a merge gives the target the source's first response when
// the target had none: an answer given after the target was opened at its own time,
// one given before the target existed at the merge, when the customer sees it there (a
// breach of the target does not vanish by merging an older answer in, and response
// times are never negative); a target answered itself keeps its own. A new priority
// that looks the first staff reply up among the merged messages takes the same rules.
func TestSLAMergeFirstResponse(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "merge")
		merge := func(source, target int64, h float64) {
			t.Helper()
			err := d.InTx(ctx, func(tx *db.Tx) error {
				return ticket.Merge(ctx, tx, w.get(t, source), w.get(t, target), w.agent, w.at(h))
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		source := w.open(t, ticket.PriorityHigh, 0)
		w.reply(t, source, false, 1)
		target := w.open(t, ticket.PriorityHigh, 2)
		merge(source, target, 3)
		if s := w.sla(t, target); !s.FirstResponded.Equal(w.at(3)) || s.FirstResponseState(w.at(10)) != ticket.SLAMet {
			t.Errorf("target after the merge: %+v", s)
		}
		if list, _, _ := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{Sort: ticket.SortDue}); len(list) != 1 || !list[0].DueAt.Equal(w.at(26)) {
			t.Errorf("target's next due time: %+v", list)
		}

		answered := w.open(t, ticket.PriorityHigh, 4)
		w.reply(t, answered, false, 5)
		other := w.open(t, ticket.PriorityHigh, 0)
		w.reply(t, other, false, 0.5)
		merge(other, answered, 6)
		if s := w.sla(t, answered); !s.FirstResponded.Equal(w.at(5)) {
			t.Errorf("answered target: %+v", s)
		}
		// Answered after the target was opened: that moment.
		later := w.open(t, ticket.PriorityHigh, 2.5)
		laterSource := w.open(t, ticket.PriorityHigh, 2)
		w.reply(t, laterSource, false, 3.5)
		merge(laterSource, later, 4)
		if s := w.sla(t, later); !s.FirstResponded.Equal(w.at(3.5)) {
			t.Errorf("target answered through its source after it was opened: %+v", s)
		}
		// Merged only after the target's due time: the older answer comes too late.
		overdue := w.open(t, ticket.PriorityHigh, 30)
		oldAnswer := w.open(t, ticket.PriorityHigh, 29)
		w.reply(t, oldAnswer, false, 29.5)
		merge(oldAnswer, overdue, 40)
		if s := w.sla(t, overdue); !s.FirstResponded.Equal(w.at(40)) || s.FirstResponseState(w.at(41)) != ticket.SLABreached {
			t.Errorf("target merged with an older answer after its due time: %+v", s)
		}
		// A target whose answer was not kept (from before first_responded_at): its new
		// priority finds the merged answer among its messages, counted at the merge too.
		old := w.open(t, ticket.PriorityLow, 0)
		w.reply(t, old, false, 0.5)
		fresh := w.open(t, ticket.PriorityLow, 1)
		merge(old, fresh, 2)
		if _, err := d.Exec(ctx, `UPDATE tickets SET first_responded_at = NULL WHERE tenant_id = ? AND id = ?`, w.ten.ID, fresh); err != nil {
			t.Fatal(err)
		}
		tk := w.get(t, fresh)
		if err := ticket.SetDetails(ctx, d, tk, ticket.PriorityHigh, tk.CategoryID, w.agent, w.at(3)); err != nil {
			t.Fatal(err)
		}
		if s := w.sla(t, fresh); !s.FirstResponded.Equal(w.at(2)) {
			t.Errorf("reprioritised target with the old source's answer: %+v", s)
		}
		var negative int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ? AND first_responded_at < created_at`, w.ten.ID).Scan(&negative); err != nil || negative != 0 {
			t.Errorf("%d tickets answered before they were opened (%v)", negative, err)
		}
	})
}
