package ticket_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestAutoInHours: with "only within business hours", a reminder due on Saturday
// waits past the weekend and a holiday Monday for Tuesday's opening, and the ticket's
// plan says so; without it the same reminder goes out on Saturday.
func TestAutoInHours(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newAutoWorld(t, d, "hours", ticket.Automation{RemindDays: 5, ResolveDays: 4, InHours: true})
		cal, err := ticket.LoadSLACalendar(ctx, d, w.ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		cal.Holidays = []ticket.Holiday{{Day: "2026-03-09", Name: "Betriebsfeier"}}
		if err := ticket.SaveSLACalendar(ctx, d, w.ten.ID, cal); err != nil {
			t.Fatal(err)
		}
		id := w.open(t, "Printer")
		w.move(t, id, ticket.CodeWaiting, 0) // Monday 2 March, 10:00 in Berlin
		tuesday := time.Date(2026, 3, 10, 8, 0, 0, 0, w.ten.Location())
		p, err := ticket.PlanOf(ctx, d, w.get(t, id))
		if err != nil || p.Step != ticket.StepRemind || !p.At.Equal(tuesday) {
			t.Fatalf("plan %+v (%v), want the reminder at %v", p, err, tuesday)
		}
		for _, at := range []time.Time{w.at(5.01), w.at(7.5), tuesday.Add(-time.Minute)} {
			if sw, err := ticket.Automate(ctx, d, at, origin); err != nil || sw != (ticket.Swept{}) {
				t.Fatalf("sweep at %v: %+v %v", at, sw, err)
			}
		}
		if sw, err := ticket.Automate(ctx, d, tuesday.Add(time.Minute), origin); err != nil || sw != (ticket.Swept{Reminded: 1}) {
			t.Fatalf("sweep on Tuesday: %+v %v", sw, err)
		}
		// Four days after Tuesday 08:01 is Saturday: the reminder promises Monday 16 March,
		// as the plan does.
		if w.mailsLike(t, id, "waiting for your answer") != 1 || !strings.Contains(strings.Join(w.mails(t, id), "\n"), "16/03/2026") {
			t.Errorf("reminder does not name Monday 16 March: %q", w.mails(t, id))
		}
		monday := time.Date(2026, 3, 16, 8, 0, 0, 0, w.ten.Location())
		if p, err := ticket.PlanOf(ctx, d, w.get(t, id)); err != nil || p.Step != ticket.StepResolve || !p.At.Equal(monday) {
			t.Errorf("plan after the reminder %+v (%v), want %v", p, err, monday)
		}

		// Without the setting the reminder goes out when due.
		w2 := newAutoWorld(t, d, "always", ticket.Automation{RemindDays: 5})
		id2 := w2.open(t, "Scanner")
		w2.move(t, id2, ticket.CodeWaiting, 0)
		if sw := w2.sweep(t, 5.01); sw != (ticket.Swept{Reminded: 1}) {
			t.Fatalf("plain sweep on Saturday: %+v", sw)
		}
	})
}

// TestBusinessHoursOpenNext: Open is true from opening up to (not at) closing on an
// open day; Next is the moment itself inside hours, else the next opening.
func TestBusinessHoursOpenNext(t *testing.T) {
	b := ticket.NewBusinessHours(zoneBerlin, officeWeek(), "2026-12-24")
	cases := []struct {
		at   time.Time
		open bool
		next time.Time
	}{
		{berlinAt(2026, 12, 21, 8, 0), true, berlinAt(2026, 12, 21, 8, 0)},
		{berlinAt(2026, 12, 21, 16, 59), true, berlinAt(2026, 12, 21, 16, 59)},
		{berlinAt(2026, 12, 21, 17, 0), false, berlinAt(2026, 12, 22, 8, 0)},
		{berlinAt(2026, 12, 21, 7, 59), false, berlinAt(2026, 12, 21, 8, 0)},
		{berlinAt(2026, 12, 23, 18, 0), false, berlinAt(2026, 12, 25, 8, 0)}, // the 24th is a holiday
		{berlinAt(2026, 12, 26, 12, 0), false, berlinAt(2026, 12, 28, 8, 0)}, // Saturday
	}
	for _, c := range cases {
		if got := b.Open(c.at); got != c.open {
			t.Errorf("Open(%v) = %v", c.at, got)
		}
		if got := b.Next(c.at); !got.Equal(c.next) {
			t.Errorf("Next(%v) = %v, want %v", c.at, got, c.next)
		}
	}
	if always := ticket.NewBusinessHours(zoneBerlin, ticket.Week{}); !always.Open(berlinAt(2026, 12, 26, 3, 0)) {
		t.Error("a week without hours is not always open")
	}
}

// origin is the portal address the sweeps' mails link to.
func origin(tenant.Tenant) string { return "https://portal.test" }
