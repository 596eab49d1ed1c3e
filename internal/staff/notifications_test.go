package staff_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestNotifications: a new member gets every helpdesk mail; a choice is stored for that
// member only, another tenant's member is not found; the "nobody hears of new tickets"
// check counts only active members who can sign in and want that mail.
func TestNotifications(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ta, err := tenant.Create(ctx, d, "A", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := tenant.Create(ctx, d, "B", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		add := func(ten tenant.Tenant, email, hash string) staff.Member {
			m, err := staff.Create(ctx, d, staff.Member{TenantID: ten.ID, Email: email, Name: email, Role: staff.RoleAgent, PasswordHash: hash}, now)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		anna, ben := add(ta, "anna@a.test", "hash"), add(ta, "ben@a.test", "hash")
		invited := add(ta, "invited@a.test", "") // no password yet: cannot sign in
		carl := add(tb, "carl@b.test", "hash")

		if n, err := staff.GetNotifications(ctx, d, ta.ID, anna.ID); err != nil || n != staff.DefaultNotifications {
			t.Fatalf("default: %+v, %v", n, err)
		}
		if nobody, err := staff.NobodyGetsNewTickets(ctx, d, ta.ID); err != nil || nobody {
			t.Fatalf("nobody with everyone on: %v, %v", nobody, err)
		}
		mine := staff.Notifications{RepliesMine: true, Assigned: true}
		if err := staff.SetNotifications(ctx, d, ta.ID, anna.ID, mine); err != nil {
			t.Fatal(err)
		}
		if n, _ := staff.GetNotifications(ctx, d, ta.ID, anna.ID); n != mine {
			t.Errorf("stored %+v, read %+v", mine, n)
		}
		if n, _ := staff.GetNotifications(ctx, d, ta.ID, ben.ID); n != staff.DefaultNotifications {
			t.Errorf("a colleague's choice changed: %+v", n)
		}
		// Another tenant's member: not found either way, and unchanged.
		if _, err := staff.GetNotifications(ctx, d, ta.ID, carl.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("foreign get: %v", err)
		}
		if err := staff.SetNotifications(ctx, d, ta.ID, carl.ID, mine); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("foreign set: %v", err)
		}
		if n, _ := staff.GetNotifications(ctx, d, tb.ID, carl.ID); n != staff.DefaultNotifications {
			t.Errorf("foreign member changed: %+v", n)
		}

		// Ben is the last who wants new tickets; deactivated, nobody does (the invited
		// member without a password does not count: no mail reaches them).
		if nobody, _ := staff.NobodyGetsNewTickets(ctx, d, ta.ID); nobody {
			t.Errorf("ben still wants new tickets")
		}
		ben.Active = false
		if err := staff.Update(ctx, d, ben); err != nil {
			t.Fatal(err)
		}
		if nobody, err := staff.NobodyGetsNewTickets(ctx, d, ta.ID); err != nil || !nobody {
			t.Errorf("only an invited member (%d) and a deactivated one want new tickets: %v, %v", invited.ID, nobody, err)
		}
		if nobody, _ := staff.NobodyGetsNewTickets(ctx, d, tb.ID); nobody {
			t.Errorf("tenant B is affected by tenant A's choices")
		}
		if s := mine.String(); s != "new tickets: off, replies on my tickets: on, replies on unassigned tickets: off, assigned to me: on, follow-ups due: off" {
			t.Errorf("audit text: %q", s)
		}
	})
}
