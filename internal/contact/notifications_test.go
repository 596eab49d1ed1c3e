package contact_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestNotifications: a new contact gets DefaultNotifications (the columns' defaults);
// a choice is stored for that contact only; another tenant's contact is not found and
// keeps its choice.
func TestNotifications(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		add := func(name, email string) contact.Contact {
			ten, err := tenant.Create(ctx, d, name, "de", tenant.Modules, now)
			if err != nil {
				t.Fatal(err)
			}
			c, err := contact.Create(ctx, d, contact.Contact{TenantID: ten.ID, FirstName: "F", LastName: name, Email: email},
				i18n.Languages, now)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		anna, carl := add("A", "anna@a.test"), add("B", "carl@b.test")
		if n, err := contact.GetNotifications(ctx, d, anna.TenantID, anna.ID); err != nil || n != contact.DefaultNotifications {
			t.Fatalf("default: %+v, %v", n, err)
		}
		all := contact.Notifications{Company: true}
		if err := contact.SetNotifications(ctx, d, anna.TenantID, anna.ID, all); err != nil {
			t.Fatal(err)
		}
		if n, _ := contact.GetNotifications(ctx, d, anna.TenantID, anna.ID); n != all {
			t.Errorf("stored %+v, read %+v", all, n)
		}
		if _, err := contact.GetNotifications(ctx, d, anna.TenantID, carl.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("foreign get: %v", err)
		}
		if err := contact.SetNotifications(ctx, d, anna.TenantID, carl.ID, all); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("foreign set: %v", err)
		}
		if n, _ := contact.GetNotifications(ctx, d, carl.TenantID, carl.ID); n != contact.DefaultNotifications {
			t.Errorf("foreign contact changed: %+v", n)
		}
	})
}
