package ticket_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestFollowUpMailSetting: a member who switched follow-up mails off (My account) gets
// none when their follow-up falls due, yet it counts as told and shows under "due" in
// the queue; switched on again, the next due follow-up is mailed. A colleague with the
// default setting is mailed meanwhile.
func TestFollowUpMailSetting(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		w, bert := followUpWorld(t, testutil.Open(t, e), "setting")
		off := staff.DefaultNotifications
		off.FollowUps = false
		if err := staff.SetNotifications(ctx, w.d, w.ten.ID, w.agent.StaffID, off); err != nil {
			t.Fatal(err)
		}
		mine, berts := w.open(t, "Mine"), w.open(t, "Bert's")
		now := w.at(1)
		w.setFollowUp(t, mine, now.Add(time.Hour), "call back", w.agent, now)
		w.setFollowUp(t, berts, now.Add(time.Hour), "", bert, now)
		if n := w.mailFollowUps(t, now.Add(2*time.Hour)); n != 2 {
			t.Fatalf("%d follow-ups told, want 2", n)
		}
		if m := w.mails(t, mine); len(m) != 0 {
			t.Errorf("mailed though switched off: %q", m)
		}
		if m := w.mails(t, berts); len(m) != 1 {
			t.Errorf("Bert (default on) got %q", m)
		}
		if ids := w.queueIDs(t, ticket.Filter{State: "all", FollowUpDue: now.Add(2 * time.Hour)}); !slices.Contains(ids, mine) {
			t.Errorf("due filter lacks the unmailed follow-up: %v", ids)
		}

		if err := staff.SetNotifications(ctx, w.d, w.ten.ID, w.agent.StaffID, staff.DefaultNotifications); err != nil {
			t.Fatal(err)
		}
		later := now.Add(3 * time.Hour)
		w.setFollowUp(t, mine, later.Add(time.Hour), "again", w.agent, later)
		if n := w.mailFollowUps(t, later.Add(2*time.Hour)); n != 1 {
			t.Fatalf("%d told, want 1", n)
		}
		if m := w.mails(t, mine); len(m) != 1 {
			t.Errorf("switched on again: %q", m)
		}
	})
}
