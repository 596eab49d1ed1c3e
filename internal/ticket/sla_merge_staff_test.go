package ticket_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestSLAMergeStaffOpened: a ticket staff opened has no first response of its own, but
// its public staff messages are answers once merged into a customer's ticket: the
// target is answered by the first of them (not before it was opened), as a later
// change of priority would find among its messages, so the figure does not flip from
// breached to met on that change. A customer's ticket merged into one staff opened
// gives it no first response, before or after a change of priority.
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

		// Staff opened the source (its public message at 1) before the customer's
		// ticket (at 2, high: due at 6), still unanswered, was merged into at 3.
		source := byStaff(1)
		target := w.open(t, ticket.PriorityHigh, 2)
		merge(source, target, 3)
		merged := w.sla(t, target)
		if !merged.FirstResponded.Equal(w.at(2)) || merged.FirstResponseState(w.at(20)) != ticket.SLAMet {
			t.Errorf("customer's target of a staff-opened source: %+v", merged)
		}
		reprioritise(target, 4)
		same("staff-opened source", merged, w.sla(t, target))

		// Opened by staff after the customer's ticket: its first message is the
		// answer; an internal note before it is none.
		later := w.open(t, ticket.PriorityHigh, 5)
		w.reply(t, later, true, 5.5)
		laterSource := byStaff(6)
		merge(laterSource, later, 7)
		merged = w.sla(t, later)
		if !merged.FirstResponded.Equal(w.at(6)) {
			t.Errorf("customer's target answered through the staff-opened source at 6: %+v", merged)
		}
		reprioritise(later, 8)
		same("staff-opened source answered later", merged, w.sla(t, later))

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
