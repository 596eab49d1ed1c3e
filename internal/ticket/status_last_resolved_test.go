package ticket_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestStatusLastResolvedRace: two admins each retire one of the tenant's two active
// statuses of kind resolved at the same moment. Each read the list while the other was
// still active, so both pass the form's check; SaveStatus checks again under a lock, and
// the one who comes second is refused (ErrLastResolved) instead of leaving none.
func TestStatusLastResolvedRace(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newDeskWorld(t, d, "race", time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
		builtin, err := ticket.StatusByCode(ctx, d, w.ten.ID, ticket.CodeResolved)
		if err != nil {
			t.Fatal(err)
		}
		id, err := ticket.SaveStatus(ctx, d, w.ten.ID, ticket.Status{Name: "Erledigt", Kind: ticket.KindResolved, Active: true, Position: 9})
		if err != nil {
			t.Fatal(err)
		}
		other, err := ticket.StatusByID(ctx, d, w.ten.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		retire := func(s ticket.Status) ticket.Status { s.Active = false; return s }

		saved, release := make(chan struct{}), make(chan struct{})
		first := make(chan error, 1)
		go func() {
			first <- d.InTx(ctx, func(tx *db.Tx) error {
				if _, err := ticket.SaveStatus(ctx, tx, w.ten.ID, retire(builtin)); err != nil {
					return err
				}
				close(saved)
				<-release // the other admin's save starts while this one is not committed
				return nil
			})
		}()
		<-saved
		second := make(chan error, 1)
		go func() {
			second <- d.InTx(ctx, func(tx *db.Tx) error {
				_, err := ticket.SaveStatus(ctx, tx, w.ten.ID, retire(other))
				return err
			})
		}()
		time.Sleep(200 * time.Millisecond)
		close(release)
		if err := <-first; err != nil {
			t.Fatalf("first admin: %v", err)
		}
		if err := <-second; !errors.Is(err, ticket.ErrLastResolved) {
			t.Fatalf("second admin: %v, want ErrLastResolved", err)
		}
		var active int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_statuses WHERE tenant_id = ? AND kind = 'resolved' AND active`,
			w.ten.ID).Scan(&active); err != nil || active != 1 {
			t.Errorf("%d active resolved statuses left (%v), want 1", active, err)
		}
		// Changing the kind of the last one away from resolved is refused the same way.
		other.Kind = ticket.KindOpen
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ticket.SaveStatus(ctx, tx, w.ten.ID, other)
			return err
		}); !errors.Is(err, ticket.ErrLastResolved) {
			t.Errorf("last resolved status made open: %v", err)
		}
	})
}
