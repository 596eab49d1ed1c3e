package ticket_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestStaffReplyIsPersonal: a staff member's answer is text a person wrote: its mail
// is queued as personal (the mails.personal column carries the choice to delivery,
// which sends it without Auto-Submitted), while the confirmation of the ticket stays
// generated.
func TestStaffReplyIsPersonal(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newNotifyWorld(t, d, true)
		tk := w.create(t, w.anna, nil, "Heating cold")
		agent := ticket.Actor{StaffID: w.maria.ID, Name: "Agent Maria"}
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.Replied(ctx, tx, tk, "Please bleed the radiator.", agent)
		})
		rows, err := d.Query(ctx, `SELECT subject, personal FROM mails WHERE tenant_id = ? AND to_addr = ? ORDER BY id`,
			w.ten.ID, "anna@mueller.test")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var subject string
			var personal bool
			if err := rows.Scan(&subject, &personal); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s | %v", subject, personal))
		}
		if len(got) != 2 || !strings.HasSuffix(got[0], "| false") || !strings.HasSuffix(got[1], "| true") {
			t.Errorf("mails to Anna: %q", got)
		}
	})
}
