package ticket_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestSLAPauseCalendarChange: a new priority after the calendar changed counts the new
// target from the end of the last pause, less what the clock had run before it as
// counted then; the time the ticket stood is not counted again in other units. A
// weekend of waiting under calendar hours adds no 64 business hours, and an hour of
// waiting counted in business hours does not become one calendar hour for a weekend.
func TestSLAPauseCalendarChange(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "calchange")
		urgent := func(id int64, at time.Time) {
			t.Helper()
			tk := w.get(t, id)
			if err := ticket.SetDetails(ctx, d, tk, ticket.PriorityUrgent, tk.CategoryID, w.agent, at); err != nil {
				t.Fatal(err)
			}
		}
		// Waits from Friday 16:30 over the weekend to Monday 08:30, half an hour after
		// it was opened (high: 24 h).
		weekend := func() int64 {
			id := w.open(t, ticket.PriorityHigh, w.hoursOf(berlinAt(2026, 11, 20, 16, 0)))
			w.reply(t, id, false, w.hoursOf(berlinAt(2026, 11, 20, 16, 10)))
			w.move(t, id, ticket.CodeWaiting, w.hoursOf(berlinAt(2026, 11, 20, 16, 30)))
			w.move(t, id, ticket.CodeProgress, w.hoursOf(berlinAt(2026, 11, 23, 8, 30)))
			return id
		}

		w.useCalendar(t, false, true)
		calendar := weekend()
		if s := w.sla(t, calendar); !s.ResolutionDue.Equal(berlinAt(2026, 11, 24, 8, 0)) {
			t.Fatalf("calendar hours, 64 h of waiting: due %v", s.ResolutionDue.In(zoneBerlin))
		}
		w.useCalendar(t, true, true)
		business := weekend()
		if s := w.sla(t, business); !s.ResolutionDue.Equal(berlinAt(2026, 11, 25, 14, 0)) {
			t.Fatalf("business hours, 1 h of waiting: due %v", s.ResolutionDue.In(zoneBerlin))
		}

		// Now in business hours, urgent (8 h): 7.5 business hours from Monday 08:30.
		urgent(calendar, berlinAt(2026, 11, 23, 9, 0))
		if s := w.sla(t, calendar); !s.ResolutionDue.Equal(berlinAt(2026, 11, 23, 16, 0)) {
			t.Errorf("waited in calendar hours, reprioritised in business hours: due %v, want Monday 16:00", s.ResolutionDue.In(zoneBerlin))
		}
		// Back to calendar hours, urgent: 7.5 calendar hours from Monday 08:30.
		w.useCalendar(t, false, true)
		urgent(business, berlinAt(2026, 11, 23, 9, 0))
		if s := w.sla(t, business); !s.ResolutionDue.Equal(berlinAt(2026, 11, 23, 16, 0)) {
			t.Errorf("waited in business hours, reprioritised in calendar hours: due %v, want Monday 16:00", s.ResolutionDue.In(zoneBerlin))
		}
	})
}

// TestSLAResumeOverdueHolidays: a ticket overdue when it started waiting moves its due
// time by the business time waited, counted from the old due time across the holidays
// between it and the pause: due Thursday 24 December at 17:00, waiting Monday the 28th
// 10:00 to Tuesday 10:00 (9 business hours), Christmas closed: due Monday 17:00, still
// overdue by the 2 hours it was before. Meanwhile it stays in the overdue count.
func TestSLAResumeOverdueHolidays(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "holidays")
		w.useCalendar(t, true, true)
		id := w.open(t, ticket.PriorityUrgent, w.hoursOf(berlinAt(2026, 12, 24, 9, 0)))
		w.reply(t, id, false, w.hoursOf(berlinAt(2026, 12, 24, 9, 30)))
		w.move(t, id, ticket.CodeWaiting, w.hoursOf(berlinAt(2026, 12, 28, 10, 0)))
		if n, err := ticket.CountOverdue(ctx, d, w.ten.ID, berlinAt(2026, 12, 28, 11, 0)); err != nil || n != 1 {
			t.Errorf("overdue while waiting: %d %v, want 1", n, err)
		}
		w.move(t, id, ticket.CodeProgress, w.hoursOf(berlinAt(2026, 12, 29, 10, 0)))
		if s := w.sla(t, id); !s.ResolutionDue.Equal(berlinAt(2026, 12, 28, 17, 0)) {
			t.Errorf("resumed: due %v, want Monday 28 December 17:00", s.ResolutionDue.In(zoneBerlin))
		}
	})
}

// TestSLAStatusKindChange: when an admin makes a status one of kind waiting, its
// tickets' resolution clocks stop at once (and only those of open tickets); made open
// or done again, they start again and their resolution moves later by the time they
// stood. With the pause off nothing stops.
func TestSLAStatusKindChange(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "kind")
		id, err := ticket.SaveStatus(ctx, d, w.ten.ID, ticket.Status{Name: "Waiting for parts", Kind: ticket.KindOpen, Position: 8, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		parts, err := ticket.StatusByID(ctx, d, w.ten.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		var tickets []int64
		for range 3 {
			tk := w.open(t, ticket.PriorityHigh, w.hoursOf(now.Add(-2*time.Hour)))
			w.reply(t, tk, false, w.hoursOf(now.Add(-time.Hour)))
			if _, err := ticket.SetStatus(ctx, d, w.get(t, tk), parts.ID, w.agent, now.Add(-time.Hour)); err != nil {
				t.Fatal(err)
			}
			tickets = append(tickets, tk)
		}
		// Unanswered, and overdue already: both stay in the due list while they wait.
		unanswered := w.open(t, ticket.PriorityHigh, w.hoursOf(now.Add(-2*time.Hour)))
		late := w.open(t, ticket.PriorityHigh, w.hoursOf(now.Add(-30*time.Hour)))
		w.reply(t, late, false, w.hoursOf(now.Add(-29*time.Hour)))
		for _, tk := range []int64{unanswered, late} {
			if _, err := ticket.SetStatus(ctx, d, w.get(t, tk), parts.ID, w.agent, now.Add(-time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		due := w.sla(t, tickets[0]).ResolutionDue
		setKind := func(kind string) (from, to time.Time) {
			t.Helper()
			parts.Kind = kind
			from = time.Now().Truncate(time.Second)
			if _, err := ticket.SaveStatus(ctx, d, w.ten.ID, parts); err != nil {
				t.Fatal(err)
			}
			return from, time.Now()
		}

		from, to := setKind(ticket.KindWaiting)
		for _, tk := range tickets {
			if s := w.sla(t, tk); s.Paused.Before(from) || s.Paused.After(to) || s.ResolutionState(to.Add(48*time.Hour)) != ticket.SLAPaused {
				t.Fatalf("waiting by the status's new kind: %+v", s)
			}
		}
		if got := w.dueIDs(t); !slices.Equal(got, []int64{late, unanswered}) {
			t.Errorf("due list while paused: %v, want the overdue %d and the unanswered %d", got, late, unanswered)
		}
		if list, _, _ := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{Sort: ticket.SortDue}); len(list) != 2 ||
			!list[0].DueAt.Equal(w.sla(t, late).ResolutionDue) || !list[1].DueAt.Equal(w.sla(t, unanswered).FirstResponseDue) {
			t.Errorf("due times while paused: %+v", list)
		}
		paused := w.sla(t, tickets[0]).Paused

		from, to = setKind(ticket.KindOpen)
		for _, tk := range tickets {
			s := w.sla(t, tk)
			if moved := s.ResolutionDue.Sub(due); !s.Paused.IsZero() || moved < from.Sub(paused) || moved > to.Sub(paused) {
				t.Errorf("open again: %+v, due moved by %v", s, moved)
			}
		}
		if got := w.dueIDs(t); len(got) != len(tickets)+2 {
			t.Errorf("due list after the pause: %v", got)
		}
		if s := w.sla(t, late); !s.Paused.IsZero() || s.ResolutionState(time.Now()) != ticket.SLABreached {
			t.Errorf("overdue one after the pause: %+v", s)
		}

		// Waiting again, then done: the clocks start again and the tickets leave the
		// due list; nobody resolved them.
		setKind(ticket.KindWaiting)
		setKind(ticket.KindResolved)
		for _, tk := range tickets {
			if s := w.sla(t, tk); !s.Paused.IsZero() || !s.Resolved.IsZero() || !s.Done {
				t.Errorf("done by the status's new kind: %+v", s)
			}
		}
		if got := w.dueIDs(t); len(got) != 0 {
			t.Errorf("done tickets in the due list: %v", got)
		}

		// With the pause off, a status becoming waiting stops nothing.
		w.useCalendar(t, false, false)
		setKind(ticket.KindOpen)
		setKind(ticket.KindWaiting)
		if s := w.sla(t, tickets[0]); !s.Paused.IsZero() {
			t.Errorf("paused with the pause off: %+v", s)
		}
	})
}

// calendarReads is a querier that counts the statements reading the tenant's calendar.
type calendarReads struct {
	*db.DB
	n int
}

func (c *calendarReads) count(q string) {
	for _, table := range []string{"ticket_sla_calendars", "ticket_sla_hours", "ticket_sla_holidays"} {
		if strings.Contains(q, table) {
			c.n++
			return
		}
	}
}

func (c *calendarReads) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	c.count(q)
	return c.DB.Query(ctx, q, args...)
}

func (c *calendarReads) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	c.count(q)
	return c.DB.QueryRow(ctx, q, args...)
}

// TestSLAStatusClockReads: a status change reads the calendar only when it counts
// time: moving a ticket on without a pause to end or a clock to start reads nothing of
// it, into waiting only whether the pause is on.
func TestSLAStatusClockReads(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "reads")
		if err := ticket.SetSLATargets(ctx, d, w.ten.ID, ticket.Targets{}); err != nil {
			t.Fatal(err)
		}
		q := &calendarReads{DB: d}
		id := w.open(t, ticket.PriorityHigh, 0)
		for _, c := range []struct {
			code string
			max  int
		}{{ticket.CodeProgress, 0}, {ticket.CodeResolved, 0}, {ticket.CodeWaiting, 1}} {
			st, err := ticket.StatusByCode(ctx, d, w.ten.ID, c.code)
			if err != nil {
				t.Fatal(err)
			}
			q.n = 0
			if _, err := ticket.SetStatus(ctx, q, w.get(t, id), st.ID, w.agent, w.at(1)); err != nil {
				t.Fatal(err)
			}
			if q.n > c.max {
				t.Errorf("to %s: %d reads of the calendar, want at most %d", c.code, q.n, c.max)
			}
		}
	})
}
