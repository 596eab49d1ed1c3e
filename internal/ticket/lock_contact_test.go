package ticket_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestLockForContact: a ticket staff moved to another company since the contact's page
// was loaded is no longer theirs to write into: LockForContact answers db.ErrNotFound,
// for the main contact of the old company and for its opener as a plain user, and
// finds it for the new company's main contact.
func TestLockForContact(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newDeskWorld(t, d, "moved", time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
		id, err := ticket.Create(ctx, d, ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.ct, Author: "Anna",
			Title: "Drucker", Body: "Leere Seiten"}, w.t0)
		if err != nil {
			t.Fatal(err)
		}
		lock := func(co int64, role string) error {
			return d.InTx(ctx, func(tx *db.Tx) error {
				_, err := ticket.LockForContact(ctx, tx, principal.Contact{TenantID: w.ten.ID, ContactID: w.ct, CompanyID: co, Role: role}, id)
				return err
			})
		}
		if err := lock(w.co, principal.RoleUser); err != nil {
			t.Fatalf("the opener's own ticket: %v", err)
		}
		other, err := company.Create(ctx, d, company.Company{TenantID: w.ten.ID, Name: "Other"}, w.t0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE tickets SET company_id = ?, contact_id = NULL WHERE id = ?`, other.ID, id); err != nil {
			t.Fatal(err)
		}
		for _, role := range []string{principal.RoleMain, principal.RoleUser} {
			if err := lock(w.co, role); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("moved ticket for the old company's %s: %v, want not found", role, err)
			}
		}
		if err := lock(other.ID, principal.RoleMain); err != nil {
			t.Errorf("moved ticket for its new company: %v", err)
		}
	})
}
