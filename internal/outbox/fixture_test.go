package outbox

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/tenant"
)

// twoTenants creates tenants A and B for the tests of held mail.
func twoTenants(t *testing.T, d *db.DB, now time.Time) (a, b tenant.Tenant) {
	t.Helper()
	ctx := context.Background()
	var err error
	if a, err = tenant.Create(ctx, d, "A", "de", nil, now); err != nil {
		t.Fatal(err)
	}
	if b, err = tenant.Create(ctx, d, "B", "de", nil, now); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// queueTo queues a plain mail of tenantID to `to` and returns its id.
func queueTo(t *testing.T, d *db.DB, tenantID int64, to string, now time.Time) int64 {
	t.Helper()
	id, err := Queue(context.Background(), d, tenantID, mail.Message{To: to, Subject: "s", Text: "t"}, now)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
