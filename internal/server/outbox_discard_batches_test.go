package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestOutboxDiscardHeldBatches: "Don't send any" ends more held mails than one
// transaction takes (discardBatch), every one of them with its audit entry.
func TestOutboxDiscardHeldBatches(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "service.test")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		adm := env.Client("service.test")
		adm.AdminLogin("boss@service.test", "boss-password")
		const held = 450
		err := env.DB.InTx(ctx, func(tx *db.Tx) error {
			for i := range held {
				if _, err := outbox.Queue(ctx, tx, ten.ID, mail.Message{To: fmt.Sprintf("k%d@kunde.test", i),
					Subject: "Ihr Ticket", Text: "Hallo"}, time.Now()); err != nil {
					return err
				}
			}
			_, err := outbox.HoldQueued(ctx, tx)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		r := adm.Post("/admin/outbox/discard-held", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, "450 zurückgehaltene E-Mails werden nicht gesendet.") {
			t.Fatalf("Don't send any: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE tenant_id = ? AND state = 'discarded'`, ten.ID); n != held {
			t.Errorf("%d of %d mails discarded", n, held)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'mail_discarded' AND tenant_id = ?`, ten.ID); n != held {
			t.Errorf("%d audit entries for %d mails not sent", n, held)
		}
	})
}
