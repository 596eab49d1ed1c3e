package ticket_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// followUpWorld is an autoWorld (no automation switched on: follow-ups need none) with
// a second agent; both can sign in, so staff mails reach them.
func followUpWorld(t *testing.T, d *db.DB, name string) (*autoWorld, ticket.Actor) {
	t.Helper()
	ctx := context.Background()
	w := newAutoWorld(t, d, name, ticket.Automation{})
	m, err := staff.Create(ctx, d, staff.Member{TenantID: w.ten.ID, Email: "bert@" + name + ".test", Name: "Bert", Role: staff.RoleAgent}, w.t0)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{w.agent.StaffID, m.ID} {
		if err := staff.SetPassword(ctx, d, w.ten.ID, id, "hash"); err != nil {
			t.Fatal(err)
		}
	}
	return w, ticket.Actor{StaffID: m.ID, Name: m.Name}
}

func (w *autoWorld) setFollowUp(t *testing.T, id int64, at time.Time, note string, by ticket.Actor, now time.Time) {
	t.Helper()
	err := w.d.InTx(context.Background(), func(tx *db.Tx) error {
		return ticket.SetFollowUp(context.Background(), tx, w.get(t, id), at, note, by, now)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (w *autoWorld) followUp(t *testing.T, id int64) ticket.FollowUp {
	t.Helper()
	f, err := ticket.FollowUpOf(context.Background(), w.d, w.ten.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (w *autoWorld) mailFollowUps(t *testing.T, now time.Time) int {
	t.Helper()
	n, err := ticket.MailFollowUps(context.Background(), w.d, now, func(tenant.Tenant) string { return "https://portal.test" })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// queueIDs lists the ids the staff queue shows for f.
func (w *autoWorld) queueIDs(t *testing.T, f ticket.Filter) []int64 {
	t.Helper()
	list, _, err := ticket.Queue(context.Background(), w.d, w.ten.ID, f)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, tk := range list {
		ids = append(ids, tk.ID)
	}
	return ids
}

// TestFollowUpSetClear: a follow-up in the past is refused and changes nothing; one in
// the future is stored to the minute with its note and belongs to the setter while
// nobody is assigned, to the assignee once someone is; clearing removes it; the
// history records both, and contacts read neither entry.
func TestFollowUpSetClear(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		w, bert := followUpWorld(t, testutil.Open(t, e), "setclear")
		id := w.open(t, "Printer jams")
		now := w.at(1)
		err := w.d.InTx(ctx, func(tx *db.Tx) error {
			return ticket.SetFollowUp(ctx, tx, w.get(t, id), now.Add(-time.Minute), "", w.agent, now)
		})
		if !errors.Is(err, ticket.ErrFollowUpPast) {
			t.Fatalf("past follow-up: %v, want ErrFollowUpPast", err)
		}
		if err := w.d.InTx(ctx, func(tx *db.Tx) error {
			return ticket.SetFollowUp(ctx, tx, w.get(t, id), now, "", w.agent, now)
		}); !errors.Is(err, ticket.ErrFollowUpPast) {
			t.Fatalf("follow-up at now: %v, want ErrFollowUpPast", err)
		}
		if f := w.followUp(t, id); !f.At.IsZero() {
			t.Fatalf("refused follow-up stored: %+v", f)
		}

		at := now.Add(26*time.Hour + 30*time.Second)
		w.setFollowUp(t, id, at, "  check the toner delivery ", w.agent, now)
		f := w.followUp(t, id)
		if !f.At.Equal(at.Truncate(time.Minute)) || f.Note != "check the toner delivery" || f.OwnerName != "Agent" || f.Mailed {
			t.Fatalf("follow-up = %+v", f)
		}
		if f.Due(now) || !f.Due(at) {
			t.Errorf("Due before/at its moment wrong: %+v", f)
		}
		if err := ticket.Assign(ctx, w.d, w.get(t, id), bert.StaffID, w.agent, now); err != nil {
			t.Fatal(err)
		}
		if f := w.followUp(t, id); f.OwnerID != bert.StaffID || f.SetByName != "Agent" {
			t.Errorf("assigned ticket's follow-up belongs to %d (%q), set by %q; want Bert", f.OwnerID, f.OwnerName, f.SetByName)
		}
		if err := w.d.InTx(ctx, func(tx *db.Tx) error { return ticket.ClearFollowUp(ctx, tx, w.get(t, id), bert, now) }); err != nil {
			t.Fatal(err)
		}
		if f := w.followUp(t, id); !f.At.IsZero() {
			t.Errorf("cleared follow-up still there: %+v", f)
		}
		// Clearing none records nothing.
		if err := w.d.InTx(ctx, func(tx *db.Tx) error { return ticket.ClearFollowUp(ctx, tx, w.get(t, id), bert, now) }); err != nil {
			t.Fatal(err)
		}
		ev := w.events(t, id)
		if count(ev, ticket.EventFollowUp) != 1 || count(ev, ticket.EventFollowUpCleared) != 1 {
			t.Errorf("history %v: want one follow-up set and one cleared", ev)
		}
		d, err := ticket.Load(ctx, w.d, w.get(t, id), true)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if e.Kind != ticket.EventFollowUp {
				continue
			}
			if got, note, ok := ticket.ParseFollowUpEvent(e.Note); !ok || !got.Equal(at.Truncate(time.Minute)) || note != "check the toner delivery" {
				t.Errorf("history entry note %q", e.Note)
			}
		}
		// The portal's view of the ticket has neither entry.
		p := principal.Contact{TenantID: w.ten.ID, ContactID: w.ct, CompanyID: w.co, Role: "main"}
		tk, err := ticket.ForContact(ctx, w.d, p, id)
		if err != nil {
			t.Fatal(err)
		}
		pd, err := ticket.Load(ctx, w.d, tk, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range pd.Events {
			if strings.HasPrefix(e.Kind, "followup") {
				t.Errorf("portal history shows %q", e.Kind)
			}
		}
	})
}

// TestFollowUpSweep: a due follow-up is mailed to its owner exactly once, however
// often the sweep runs, and stays marked "due" in the queue (filter and badge) until
// staff clear it; a new date mails again when it falls due. A follow-up not yet due
// mails nobody, and the contact never gets a mail about any of it.
func TestFollowUpSweep(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, bert := followUpWorld(t, testutil.Open(t, e), "sweep")
		mine, later, other := w.open(t, "Mine"), w.open(t, "Later"), w.open(t, "Bert's")
		now := w.at(1)
		w.setFollowUp(t, mine, now.Add(time.Hour), "call back", w.agent, now)
		w.setFollowUp(t, later, now.Add(48*time.Hour), "", w.agent, now)
		w.setFollowUp(t, other, now.Add(2*time.Hour), "", bert, now)

		if n := w.mailFollowUps(t, now.Add(30*time.Minute)); n != 0 {
			t.Fatalf("nothing due yet, %d mailed", n)
		}
		sweepAt := now.Add(3 * time.Hour)
		if n := w.mailFollowUps(t, sweepAt); n != 2 {
			t.Fatalf("%d follow-ups mailed, want 2", n)
		}
		if n := w.mailFollowUps(t, sweepAt.Add(5*time.Minute)); n != 0 {
			t.Fatalf("second pass mailed %d again", n)
		}
		m := w.mails(t, mine)
		if len(m) != 1 || !strings.HasPrefix(m[0], "agent@sweep.test ") || !strings.Contains(m[0], "Wiedervorlage fällig") || // the tenant's language: the agent chose none
			!strings.Contains(m[0], "call back") || !strings.Contains(m[0], "Benachrichtigungseinstellungen") {
			t.Errorf("mails of the agent's ticket (with the footer naming the setting that sends it): %q", m)
		}
		if m := w.mails(t, other); len(m) != 1 || !strings.HasPrefix(m[0], "bert@sweep.test ") {
			t.Errorf("mails of Bert's ticket: %q", m)
		}
		if m := w.mails(t, later); len(m) != 0 {
			t.Errorf("a follow-up not due yet was mailed: %q", m)
		}
		for _, id := range []int64{mine, later, other} {
			for _, s := range w.mails(t, id) {
				if strings.HasPrefix(s, "anna@") {
					t.Errorf("the contact got a mail about a follow-up: %q", s)
				}
			}
		}

		due := ticket.Filter{State: "all", FollowUpDue: sweepAt}
		if got := w.queueIDs(t, due); len(got) != 2 || got[0] != mine || got[1] != other {
			t.Errorf("queue of due follow-ups %v, want [%d %d] (earliest first)", got, mine, other)
		}
		if got := w.queueIDs(t, ticket.Filter{State: "all", FollowUpDue: sweepAt, FollowUpOf: w.agent.StaffID}); len(got) != 1 || got[0] != mine {
			t.Errorf("agent's due follow-ups %v, want [%d]", got, mine)
		}
		if n, err := ticket.CountQueue(context.Background(), w.d, w.ten.ID, ticket.Filter{State: "all", FollowUpDue: sweepAt, FollowUpOf: bert.StaffID}, 100); err != nil || n != 1 {
			t.Errorf("Bert's count %d (%v), want 1", n, err)
		}
		list, _, err := ticket.Queue(context.Background(), w.d, w.ten.ID, ticket.Filter{State: "all"})
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range list {
			if tk.ID == later && !tk.FollowUpAt.Equal(now.Add(48*time.Hour)) {
				t.Errorf("queue row's follow-up %v", tk.FollowUpAt)
			}
		}
		// The resolved ticket keeps its due mark: a follow-up is about any status.
		w.move(t, mine, ticket.CodeResolved, 1.2)
		if got := w.queueIDs(t, due); len(got) != 2 {
			t.Errorf("resolved ticket left the due list: %v", got)
		}
		if got := w.queueIDs(t, ticket.Filter{FollowUpDue: sweepAt}); len(got) != 1 || got[0] != other {
			t.Errorf("open tickets with due follow-ups %v, want [%d]", got, other)
		}
		// A new date: due again later, mailed again once.
		w.setFollowUp(t, mine, sweepAt.Add(time.Hour), "", w.agent, sweepAt)
		if got := w.queueIDs(t, due); len(got) != 1 {
			t.Errorf("a new date is not due yet: %v", got)
		}
		if n := w.mailFollowUps(t, sweepAt.Add(2*time.Hour)); n != 1 {
			t.Errorf("new date mailed %d", n)
		}
		if m := w.mails(t, mine); len(m) != 2 {
			t.Errorf("%d mails after the new date, want 2", len(m))
		}
	})
}

// TestFollowUpSweepConcurrent: two instances (two pools on one database), each running
// two passes at once, mail every due follow-up exactly once.
func TestFollowUpSweepConcurrent(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		instances := testutil.Instances(t, e, 2)
		w, _ := followUpWorld(t, instances[0], "twice")
		const n = 25
		var ids []int64
		now := w.at(1)
		for range n {
			id := w.open(t, "Follow me up")
			w.setFollowUp(t, id, now.Add(time.Hour), "", w.agent, now)
			ids = append(ids, id)
		}
		var mu sync.Mutex
		total := 0
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range 4 {
			d := instances[i%2]
			wg.Go(func() {
				<-start
				got, err := ticket.MailFollowUps(ctx, d, now.Add(2*time.Hour), func(tenant.Tenant) string { return "https://portal.test" })
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				total += got
				mu.Unlock()
			})
		}
		close(start)
		wg.Wait()
		if total != n {
			t.Errorf("passes mailed %d follow-ups, want %d", total, n)
		}
		for _, id := range ids {
			if got := len(w.mails(t, id)); got != 1 {
				t.Errorf("ticket %d: %d mails", id, got)
			}
		}
	})
}

// TestFollowUpMerge: the ticket that survives a merge keeps the earlier of the two
// follow-ups, with its note; the merged ticket keeps none.
func TestFollowUpMerge(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		w, bert := followUpWorld(t, testutil.Open(t, e), "merge")
		now := w.at(1)
		merge := func(source, target int64) {
			t.Helper()
			err := w.d.InTx(ctx, func(tx *db.Tx) error {
				return ticket.Merge(ctx, tx, w.get(t, source), w.get(t, target), w.agent, now)
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		// The source's follow-up is earlier: the target takes it.
		src, dst := w.open(t, "Source"), w.open(t, "Target")
		w.setFollowUp(t, src, now.Add(time.Hour), "source note", bert, now)
		w.setFollowUp(t, dst, now.Add(5*time.Hour), "target note", w.agent, now)
		merge(src, dst)
		if f := w.followUp(t, dst); !f.At.Equal(now.Add(time.Hour)) || f.Note != "source note" || f.SetByName != "Bert" {
			t.Errorf("target after merge: %+v, want the source's earlier follow-up", f)
		}
		if f := w.followUp(t, src); !f.At.IsZero() {
			t.Errorf("merged ticket kept a follow-up: %+v", f)
		}
		// The target's is earlier: it stays.
		src, dst = w.open(t, "Source 2"), w.open(t, "Target 2")
		w.setFollowUp(t, src, now.Add(9*time.Hour), "late", bert, now)
		w.setFollowUp(t, dst, now.Add(2*time.Hour), "early", w.agent, now)
		merge(src, dst)
		if f := w.followUp(t, dst); !f.At.Equal(now.Add(2*time.Hour)) || f.Note != "early" {
			t.Errorf("target after merge: %+v, want its own earlier follow-up", f)
		}
		// Only the source has one: the target takes it, and it is mailed once, from there.
		src, dst = w.open(t, "Source 3"), w.open(t, "Target 3")
		w.setFollowUp(t, src, now.Add(3*time.Hour), "", w.agent, now)
		merge(src, dst)
		if f := w.followUp(t, dst); !f.At.Equal(now.Add(3 * time.Hour)) {
			t.Errorf("target after merge: %+v", f)
		}
		w.mailFollowUps(t, now.Add(10*time.Hour))
		if len(w.mails(t, src)) != 0 || len(w.mails(t, dst)) != 1 {
			t.Errorf("mails: source %d, target %d; want 0 and 1", len(w.mails(t, src)), len(w.mails(t, dst)))
		}
		// A merged ticket takes no follow-up.
		err := w.d.InTx(ctx, func(tx *db.Tx) error {
			return ticket.SetFollowUp(ctx, tx, w.get(t, src), now.Add(time.Hour), "", w.agent, now)
		})
		if !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("follow-up on a merged ticket: %v, want ErrMerged", err)
		}
	})
}
