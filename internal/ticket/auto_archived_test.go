package ticket_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestArchivedCompanyAutomaticMails: an archived company's contact still gets staff's
// answer (without a portal link: nobody signs in to an archived company), but none of
// the mails nobody on staff sent: the automation's reminder and its "resolved" notice,
// and a merge's notice. Answers by mail to an archived company's ticket go to the
// inbox, so a reminder's "unless we hear from you" could not be kept. The automation
// still moves the ticket on.
func TestArchivedCompanyAutomaticMails(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newAutoWorld(t, d, "archived", ticket.Automation{RemindDays: 5, ResolveDays: 3})
		id := w.open(t, "Kasse startet nicht")
		other := w.open(t, "Kasse piept")
		w.move(t, id, ticket.CodeWaiting, 0)
		if _, err := d.Exec(ctx, `UPDATE companies SET archived_at = ? WHERE id = ?`, w.at(0.1).Unix(), w.co); err != nil {
			t.Fatal(err)
		}
		before := len(w.mails(t, id))

		n, err := ticket.NewNotifier(ctx, d, w.ten, "https://portal.test", w.at(0.2))
		if err != nil {
			t.Fatal(err)
		}
		var m ticket.Mailed
		if err := n.Counting(&m).Replied(ctx, d, w.get(t, id), "Bitte neu starten.", w.agent); err != nil {
			t.Fatal(err)
		}
		mails := w.mails(t, id)
		if len(mails) != before+1 || m.Contacts != 1 || m.NoPortal != 1 {
			t.Fatalf("staff's answer to an archived company's contact: %d mails (%+v): %q", len(mails)-before, m, mails)
		}
		if last := mails[len(mails)-1]; strings.Contains(last, "https://portal.test") {
			t.Errorf("staff's answer links the portal: %s", last)
		}
		before = len(mails)

		if sw := w.sweep(t, 5.01); sw.Reminded != 1 {
			t.Fatalf("reminder step: %+v", sw)
		}
		if sw := w.sweep(t, 8.05); sw.Resolved != 1 {
			t.Fatalf("resolve step: %+v", sw)
		}
		if tk := w.get(t, id); tk.Status.Code != ticket.CodeResolved {
			t.Errorf("status after the automation: %s", tk.Status.Code)
		}
		if after := w.mails(t, id); len(after) != before {
			t.Errorf("automatic mails to an archived company's contact: %q", after[before:])
		}

		src, target := w.get(t, other), w.get(t, id)
		if err := ticket.Merge(ctx, d, src, target, w.agent, w.at(9)); err != nil {
			t.Fatal(err)
		}
		if err := n.Merged(ctx, d, src, target); err != nil {
			t.Fatal(err)
		}
		if got := w.mails(t, other); len(got) != 0 {
			t.Errorf("merge notice to an archived company's contact: %q", got)
		}

		// Restored, the company's contact hears of the automation again.
		if _, err := d.Exec(ctx, `UPDATE companies SET archived_at = NULL WHERE id = ?`, w.co); err != nil {
			t.Fatal(err)
		}
		again := w.open(t, "Drucker")
		w.move(t, again, ticket.CodeWaiting, 10)
		if sw := w.sweep(t, 15.02); sw.Reminded != 1 || w.mailsLike(t, again, "https://portal.test") != 1 {
			t.Errorf("reminder after restoring: %+v %q", sw, w.mails(t, again))
		}
	})
}
