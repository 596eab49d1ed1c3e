package ticket_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// slaWorld is a deskWorld with SLA targets per priority.
type slaWorld struct {
	*deskWorld
	targets ticket.Targets
}

func newSLAWorld(t *testing.T, d *db.DB, name string) *slaWorld {
	t.Helper()
	w := &slaWorld{deskWorld: newDeskWorld(t, d, name, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))}
	// Low has no target at all, normal only a resolution target.
	w.targets[ticket.PriorityNormal] = ticket.Target{Resolution: 48}
	w.targets[ticket.PriorityHigh] = ticket.Target{FirstResponse: 4, Resolution: 24}
	w.targets[ticket.PriorityUrgent] = ticket.Target{FirstResponse: 1, Resolution: 8}
	if err := ticket.SetSLATargets(context.Background(), d, w.ten.ID, w.targets); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *slaWorld) at(h float64) time.Time { return w.t0.Add(time.Duration(h * float64(time.Hour))) }

// open creates a contact's ticket of the priority h hours after t0.
func (w *slaWorld) open(t *testing.T, priority int, h float64) int64 {
	t.Helper()
	id, err := ticket.Create(context.Background(), w.d, ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.ct,
		Author: "Anna", Title: "Printer", Body: "broken", Priority: priority}, w.at(h))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (w *slaWorld) sla(t *testing.T, id int64) ticket.SLA {
	t.Helper()
	s, err := ticket.SLAOf(context.Background(), w.d, w.ten.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (w *slaWorld) reply(t *testing.T, id int64, internal bool, h float64) {
	t.Helper()
	r := ticket.Reply{StaffID: w.agent.StaffID, Author: w.agent.Name, Internal: internal, Body: "on it", Via: "staff"}
	if _, err := ticket.AddReply(context.Background(), w.d, w.get(t, id), r, w.at(h)); err != nil {
		t.Fatal(err)
	}
}

func (w *slaWorld) move(t *testing.T, id int64, code string, h float64) {
	t.Helper()
	st, err := ticket.StatusByCode(context.Background(), w.d, w.ten.ID, code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ticket.SetStatus(context.Background(), w.d, w.get(t, id), st.ID, w.agent, w.at(h)); err != nil {
		t.Fatal(err)
	}
}

// TestSLADueTimes: a new ticket's due times come from its priority's targets, from
// the moment it was opened; a priority without a target gives none.
func TestSLADueTimes(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newSLAWorld(t, d, "due")
		if got, err := ticket.SLATargets(context.Background(), d, w.ten.ID); err != nil || got != w.targets {
			t.Fatalf("targets: %+v %v", got, err)
		}
		for _, p := range ticket.Priorities {
			s := w.sla(t, w.open(t, p, 1))
			want := w.targets[p]
			check := func(what string, got time.Time, hours int) {
				t.Helper()
				if hours == 0 && !got.IsZero() || hours > 0 && !got.Equal(w.at(1+float64(hours))) {
					t.Errorf("priority %d %s: %v, want %d h after opening", p, what, got, hours)
				}
			}
			check("first response", s.FirstResponseDue, want.FirstResponse)
			check("resolution", s.ResolutionDue, want.Resolution)
			if !s.FirstResponded.IsZero() || !s.Resolved.IsZero() || s.Any() != (want != ticket.Target{}) {
				t.Errorf("priority %d: %+v", p, s)
			}
		}
	})
}

// TestSLAFirstResponse: an internal note does not meet the first response, nor does
// the contact's own message; the first public staff reply does, and a later one does
// not move it. Late is breached. A ticket staff open has no first response at all.
func TestSLAFirstResponse(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "first")
		id := w.open(t, ticket.PriorityUrgent, 0)
		w.reply(t, id, true, 0.5) // internal note
		if _, err := ticket.AddReply(ctx, d, w.get(t, id), ticket.Reply{ContactID: w.ct, Author: "Anna", Body: "hello?"}, w.at(0.6)); err != nil {
			t.Fatal(err)
		}
		s := w.sla(t, id)
		if !s.FirstResponded.IsZero() || s.FirstResponseState(w.at(0.7)) != ticket.SLAPending || s.FirstResponseState(w.at(1.5)) != ticket.SLABreached {
			t.Fatalf("after note and contact message: %+v", s)
		}
		w.reply(t, id, false, 0.75)
		w.reply(t, id, false, 3)
		if s = w.sla(t, id); !s.FirstResponded.Equal(w.at(0.75)) || s.FirstResponseState(w.at(5)) != ticket.SLAMet {
			t.Fatalf("after public reply: %+v", s)
		}

		late := w.open(t, ticket.PriorityUrgent, 0)
		w.reply(t, late, false, 2)
		if s := w.sla(t, late); s.FirstResponseState(w.at(2)) != ticket.SLABreached {
			t.Errorf("late reply: %+v", s)
		}

		byStaff, err := ticket.Create(ctx, d, ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.ct, StaffID: w.agent.StaffID,
			Author: "Agent", Title: "Phone call", Body: "as discussed", Priority: ticket.PriorityUrgent, Via: "staff"}, w.at(0))
		if err != nil {
			t.Fatal(err)
		}
		// Nobody waits for a first answer to a ticket staff opened: no first response
		// is due or given, neither by their reply nor after a change of priority; the
		// resolution's clock runs as for any ticket.
		if s := w.sla(t, byStaff); !s.ByStaff || !s.FirstResponseDue.IsZero() || !s.FirstResponded.IsZero() ||
			s.FirstResponseState(w.at(9)) != ticket.SLANone || !s.ResolutionDue.Equal(w.at(8)) {
			t.Errorf("opened by staff: %+v", s)
		}
		w.reply(t, byStaff, false, 0.5)
		if err := ticket.SetDetails(ctx, d, w.get(t, byStaff), ticket.PriorityHigh, 0, w.agent, w.at(1)); err != nil {
			t.Fatal(err)
		}
		if s := w.sla(t, byStaff); !s.FirstResponseDue.IsZero() || !s.FirstResponded.IsZero() || !s.ResolutionDue.Equal(w.at(24)) {
			t.Errorf("opened by staff, replied and made high: %+v", s)
		}
		if s := w.sla(t, id); s.ByStaff {
			t.Errorf("a contact's ticket counts as opened by staff: %+v", s)
		}
	})
}

// TestSLAResolution: resolving meets the resolution and takes the ticket off the
// queue's due list; closing it later keeps the moment it was resolved. Reopening starts
// a fresh resolution clock from the reopening.
func TestSLAResolution(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "resolve")
		id := w.open(t, ticket.PriorityHigh, 0)
		w.reply(t, id, false, 1)
		w.move(t, id, ticket.CodeResolved, 20)
		s := w.sla(t, id)
		if !s.Resolved.Equal(w.at(20)) || !s.Done || s.ResolutionState(w.at(100)) != ticket.SLAMet {
			t.Fatalf("resolved: %+v", s)
		}
		w.move(t, id, ticket.CodeClosed, 30)
		if s := w.sla(t, id); !s.Resolved.Equal(w.at(20)) || s.ResolutionState(w.at(100)) != ticket.SLAMet {
			t.Fatalf("closed after resolving: %+v", s)
		}
		if list, _, err := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{State: "all"}); err != nil || len(list) != 1 || !list[0].DueAt.IsZero() {
			t.Fatalf("done ticket in the queue: %+v %v", list, err)
		}
		if err := ticket.Reopen(ctx, d, w.get(t, id), true, ticket.Actor{ContactID: w.ct, Name: "Anna"}, w.at(50)); err != nil {
			t.Fatal(err)
		}
		s = w.sla(t, id)
		if !s.ResolutionDue.Equal(w.at(74)) || !s.Resolved.IsZero() || s.Done || !s.FirstResponded.Equal(w.at(1)) {
			t.Fatalf("reopened: %+v", s)
		}
		if s.ResolutionState(w.at(60)) != ticket.SLAPending || s.ResolutionState(w.at(75)) != ticket.SLABreached {
			t.Errorf("reopened states: %+v", s)
		}
		if list, _, err := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{}); err != nil || len(list) != 1 || !list[0].DueAt.Equal(w.at(74)) {
			t.Fatalf("reopened ticket in the queue: %+v %v", list, err)
		}
		// Resolved late this time.
		w.move(t, id, ticket.CodeResolved, 80)
		if s := w.sla(t, id); s.ResolutionState(w.at(80)) != ticket.SLABreached {
			t.Errorf("resolved late: %+v", s)
		}
	})
}

// TestSLAPriorityChange: a new priority's targets replace the old ones, from the
// creation; a priority without targets clears them.
func TestSLAPriorityChange(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "prio")
		id := w.open(t, ticket.PriorityNormal, 0)
		if s := w.sla(t, id); !s.FirstResponseDue.IsZero() || !s.ResolutionDue.Equal(w.at(48)) {
			t.Fatalf("normal: %+v", s)
		}
		setPriority := func(p int, h float64) {
			t.Helper()
			tk := w.get(t, id)
			if err := ticket.SetDetails(ctx, d, tk, p, tk.CategoryID, w.agent, w.at(h)); err != nil {
				t.Fatal(err)
			}
		}
		setPriority(ticket.PriorityUrgent, 2)
		if s := w.sla(t, id); !s.FirstResponseDue.Equal(w.at(1)) || !s.ResolutionDue.Equal(w.at(8)) {
			t.Fatalf("urgent: %+v", s)
		}
		if list, _, _ := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{}); len(list) != 1 || !list[0].DueAt.Equal(w.at(1)) {
			t.Fatalf("queue after urgent: %+v", list)
		}
		setPriority(ticket.PriorityLow, 3)
		if s := w.sla(t, id); s.Any() {
			t.Fatalf("low: %+v", s)
		}
		if list, _, _ := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{Sort: ticket.SortDue}); len(list) != 0 {
			t.Fatalf("due sort lists a ticket without due time: %+v", list)
		}
	})
}

// TestSLAQueue: the overdue filter lists the tenant's open tickets past their next due
// time and nothing of another tenant; "due soonest" orders by it; the dashboard's
// count agrees. The portal's list ignores the staff-only order.
func TestSLAQueue(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "queue")
		other := newSLAWorld(t, d, "other")
		overdueOther := other.open(t, ticket.PriorityUrgent, 0) // overdue too, but another tenant's
		urgent := w.open(t, ticket.PriorityUrgent, 0)           // first response due at 1 h: overdue
		high := w.open(t, ticket.PriorityHigh, 0)               // first response due at 4 h: overdue at 5 h
		answered := w.open(t, ticket.PriorityHigh, 0)           // answered: resolution due at 24 h
		w.reply(t, answered, false, 0.5)
		normal := w.open(t, ticket.PriorityNormal, 0) // resolution due at 48 h
		w.open(t, ticket.PriorityLow, 0)              // no target
		done := w.open(t, ticket.PriorityUrgent, 0)   // resolved late: not overdue any more
		w.move(t, done, ticket.CodeResolved, 3)

		ids := func(f ticket.Filter) []int64 {
			t.Helper()
			list, _, err := ticket.Queue(ctx, d, w.ten.ID, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, tk := range list {
				out = append(out, tk.ID)
			}
			return out
		}
		if got := ids(ticket.Filter{Overdue: w.at(5)}); !slices.Equal(got, []int64{urgent, high}) {
			t.Errorf("overdue at 5 h: %v, want %v", got, []int64{urgent, high})
		}
		// Overdue always lists the most overdue first; done tickets are never overdue.
		if got := ids(ticket.Filter{Overdue: w.at(5), State: "all", Sort: "updated"}); !slices.Equal(got, []int64{urgent, high}) {
			t.Errorf("overdue, all states, by activity: %v", got)
		}
		if got, _, _ := ticket.Queue(ctx, d, other.ten.ID, ticket.Filter{Overdue: w.at(5)}); len(got) != 1 || got[0].ID != overdueOther {
			t.Errorf("the other tenant's overdue queue: %+v", got)
		}
		if got := ids(ticket.Filter{Overdue: w.at(5), State: "done"}); len(got) != 0 {
			t.Errorf("overdue and done: %v", got)
		}
		if got := ids(ticket.Filter{Overdue: w.at(0.5)}); len(got) != 0 {
			t.Errorf("overdue at 30 min: %v", got)
		}
		if got := ids(ticket.Filter{Sort: ticket.SortDue}); !slices.Equal(got, []int64{urgent, high, answered, normal}) {
			t.Errorf("due soonest: %v", got)
		}
		for at, want := range map[float64]int{0.5: 0, 5: 2, 30: 3, 50: 4} {
			if n, err := ticket.CountOverdue(ctx, d, w.ten.ID, w.at(at)); err != nil || n != want {
				t.Errorf("count at %v h: %d %v, want %d", at, n, err, want)
			}
		}
		if n, _ := ticket.CountOverdue(ctx, d, other.ten.ID, w.at(5)); n != 1 {
			t.Errorf("other tenant's count: %d", n)
		}
		// A status the tenant made "done" takes its tickets off the due list.
		custom, err := ticket.SaveStatus(ctx, d, w.ten.ID, ticket.Status{Name: "With the supplier", Kind: ticket.KindWaiting, Position: 8, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ticket.SetStatus(ctx, d, w.get(t, high), custom, w.agent, w.at(4.5)); err != nil {
			t.Fatal(err)
		}
		if n, _ := ticket.CountOverdue(ctx, d, w.ten.ID, w.at(5)); n != 2 {
			t.Errorf("count with the waiting status: %d", n)
		}
		if _, err := ticket.SaveStatus(ctx, d, w.ten.ID, ticket.Status{ID: custom, Name: "Done by the supplier", Kind: ticket.KindResolved,
			Position: 8, Active: true}); err != nil {
			t.Fatal(err)
		}
		if got := ids(ticket.Filter{Overdue: w.at(5)}); !slices.Equal(got, []int64{urgent}) {
			t.Errorf("overdue after the status became done: %v", got)
		}
		if s := w.sla(t, high); s.ResolutionState(w.at(50)) != ticket.SLANone || !s.Done {
			t.Errorf("ticket in the status made done: %+v", s)
		}

		p := principal.Contact{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.ct, Role: principal.RoleMain}
		if list, _, err := ticket.ListForContact(ctx, d, p, ticket.Filter{Sort: ticket.SortDue}); err != nil || len(list) != 4 {
			t.Errorf("portal list with the due order: %d %v", len(list), err)
		}
	})
}

// TestSLAStates: how the met, breached and pending states are told apart.
func TestSLAStates(t *testing.T) {
	h := func(n int) time.Time { return time.Unix(int64(n)*3600, 0) }
	cases := []struct {
		name       string
		s          ticket.SLA
		now        int
		first, res string
	}{
		{"no targets", ticket.SLA{}, 5, ticket.SLANone, ticket.SLANone},
		{"pending", ticket.SLA{FirstResponseDue: h(2), ResolutionDue: h(8)}, 1, ticket.SLAPending, ticket.SLAPending},
		{"first late, open", ticket.SLA{FirstResponseDue: h(2), ResolutionDue: h(8)}, 3, ticket.SLABreached, ticket.SLAPending},
		{"answered in time", ticket.SLA{FirstResponseDue: h(2), FirstResponded: h(2), ResolutionDue: h(8)}, 9, ticket.SLAMet, ticket.SLABreached},
		{"answered late", ticket.SLA{FirstResponseDue: h(2), FirstResponded: h(3)}, 3, ticket.SLABreached, ticket.SLANone},
		{"resolved in time", ticket.SLA{ResolutionDue: h(8), Resolved: h(8), Done: true}, 20, ticket.SLANone, ticket.SLAMet},
		{"done before a reply was due", ticket.SLA{FirstResponseDue: h(2), Resolved: h(1), Done: true}, 20, ticket.SLANone, ticket.SLANone},
		{"done after a reply was due", ticket.SLA{FirstResponseDue: h(2), Resolved: h(3), Done: true}, 20, ticket.SLABreached, ticket.SLANone},
		{"done by a status made done", ticket.SLA{ResolutionDue: h(8), Done: true}, 20, ticket.SLANone, ticket.SLANone},
	}
	for _, c := range cases {
		if got := c.s.FirstResponseState(h(c.now)); got != c.first {
			t.Errorf("%s: first response %q, want %q", c.name, got, c.first)
		}
		if got := c.s.ResolutionState(h(c.now)); got != c.res {
			t.Errorf("%s: resolution %q, want %q", c.name, got, c.res)
		}
	}
}
