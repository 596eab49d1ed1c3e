package ticket_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestSLAMergeStaffOpened: a ticket staff opened has no first response of its own, and
// its opening message — the customer's problem taken down on the phone — answers
// nothing once merged into the customer's ticket either: the customer's breach stays.
// Its later public staff messages are answers: at their own time when the target
// existed already, at the merge when they are older. A later change of priority finds
// the same among the messages, so the figure does not flip on that change. A
// customer's ticket merged into one staff opened gives it no first response, before or
// after a change of priority.
func TestSLAMergeStaffOpened(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newSLAWorld(t, d, "merge-staff")
		byStaff := func(h float64) int64 {
			t.Helper()
			id, err := ticket.Create(ctx, d, ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.ct, StaffID: w.agent.StaffID,
				Author: "Agent", Title: "Phone call", Body: "as discussed", Priority: ticket.PriorityHigh, Via: "staff"}, w.at(h))
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		merge := func(source, target int64, h float64) {
			t.Helper()
			err := d.InTx(ctx, func(tx *db.Tx) error {
				return ticket.Merge(ctx, tx, w.get(t, source), w.get(t, target), w.agent, w.at(h))
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		// reprioritise changes the ticket's priority and back, as staff might.
		reprioritise := func(id int64, h float64) {
			t.Helper()
			for _, p := range []int{ticket.PriorityUrgent, ticket.PriorityHigh} {
				tk := w.get(t, id)
				if err := ticket.SetDetails(ctx, d, tk, p, tk.CategoryID, w.agent, w.at(h)); err != nil {
					t.Fatal(err)
				}
			}
		}
		same := func(what string, a, b ticket.SLA) {
			t.Helper()
			if !a.FirstResponded.Equal(b.FirstResponded) || !a.FirstResponseDue.Equal(b.FirstResponseDue) ||
				a.FirstResponseState(w.at(20)) != b.FirstResponseState(w.at(20)) {
				t.Errorf("%s: after the merge %+v, after a new priority %+v", what, a, b)
			}
		}

		// Monday 09:00 the customer opens a ticket (high: first response due 13:00); at
		// 09:30 they phone and an agent opens one for them; Wednesday the agent merges
		// it into the customer's: still unanswered, the breach stays.
		phoned := w.open(t, ticket.PriorityHigh, 0)
		byPhone := byStaff(0.5)
		merge(byPhone, phoned, 48)
		merged := w.sla(t, phoned)
		if !merged.FirstResponded.IsZero() || merged.FirstResponseState(w.at(50)) != ticket.SLABreached {
			t.Errorf("customer's ticket after merging the one staff opened by phone: %+v", merged)
		}
		reprioritise(phoned, 49)
		same("staff-opened source, opening message only", merged, w.sla(t, phoned))

		// Staff opened the source at 1 and answered in it at 1.5, before the customer's
		// ticket (at 2, high: due at 6) existed, merged at 3: the answer reaches the
		// customer's ticket with the merge.
		source := byStaff(1)
		w.reply(t, source, false, 1.5)
		target := w.open(t, ticket.PriorityHigh, 2)
		merge(source, target, 3)
		merged = w.sla(t, target)
		if !merged.FirstResponded.Equal(w.at(3)) || merged.FirstResponseState(w.at(20)) != ticket.SLAMet {
			t.Errorf("customer's target of a staff-opened source answered before it: %+v", merged)
		}
		reprioritise(target, 4)
		same("staff-opened source answered before the target", merged, w.sla(t, target))

		// Opened by staff after the customer's ticket: its opening message is no answer,
		// nor is an internal note; its public reply at 6.5 is.
		later := w.open(t, ticket.PriorityHigh, 5)
		w.reply(t, later, true, 5.5)
		laterSource := byStaff(6)
		w.reply(t, laterSource, false, 6.5)
		merge(laterSource, later, 7)
		merged = w.sla(t, later)
		if !merged.FirstResponded.Equal(w.at(6.5)) {
			t.Errorf("customer's target answered through the staff-opened source at 6.5: %+v", merged)
		}
		reprioritise(later, 8)
		same("staff-opened source answered later", merged, w.sla(t, later))

		// Merged on: a staff-opened ticket merged into another, that one into the
		// customer's. Its opening message still answers nothing.
		chained := w.open(t, ticket.PriorityHigh, 13)
		middle := w.open(t, ticket.PriorityHigh, 13.5)
		inner := byStaff(14)
		merge(inner, middle, 15)
		merge(middle, chained, 16)
		merged = w.sla(t, chained)
		if !merged.FirstResponded.IsZero() {
			t.Errorf("opening message of a staff-opened ticket merged twice: %+v", merged)
		}
		reprioritise(chained, 17)
		same("staff-opened source merged twice", merged, w.sla(t, chained))

		// A customer's answered ticket into one staff opened: no first response.
		opened := byStaff(10)
		answered := w.open(t, ticket.PriorityHigh, 9)
		w.reply(t, answered, false, 9.5)
		merge(answered, opened, 11)
		merged = w.sla(t, opened)
		if !merged.FirstResponded.IsZero() || !merged.FirstResponseDue.IsZero() || merged.FirstResponseState(w.at(20)) != ticket.SLANone {
			t.Errorf("staff-opened target of a customer's source: %+v", merged)
		}
		reprioritise(opened, 12)
		same("staff-opened target", merged, w.sla(t, opened))
	})
}
