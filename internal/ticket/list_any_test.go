package ticket_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestAnyForContactIndexed: the portal asks AnyForContact on every empty first page of
// the ticket list (portal/ticket_list.go, noneYet); each of its probes starts in an
// index on the company or the contact and stops at the first entry, so it costs the
// same at a million tickets. A contact without tickets in a company with many has none.
func TestAnyForContactIndexed(t *testing.T) {
	d := testutil.Open(t, db.SQLite)
	ctx := context.Background()
	ten := scaled(t, d, 600, 5)
	var companyID, contactID int64
	if err := d.QueryRow(ctx, `SELECT company_id, contact_id FROM tickets WHERE tenant_id = ? AND contact_id IS NOT NULL LIMIT 1`,
		ten.ID).Scan(&companyID, &contactID); err != nil {
		t.Fatal(err)
	}
	// A contact who opened none of the company's tickets but follows one.
	var follower, followed int64
	if err := d.QueryRow(ctx, `SELECT id FROM contacts WHERE tenant_id = ? AND id NOT IN
		(SELECT contact_id FROM tickets WHERE company_id = ? AND contact_id IS NOT NULL) LIMIT 1`, ten.ID, companyID).Scan(&follower); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `SELECT id FROM tickets WHERE company_id = ? LIMIT 1`, companyID).Scan(&followed); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO ticket_followers (ticket_id, contact_id, tenant_id, created_at) VALUES (?, ?, ?, 0)`,
		followed, follower, ten.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		p    principal.Contact
		mine bool
		want bool
	}{
		{"main", principal.Contact{TenantID: ten.ID, CompanyID: companyID, ContactID: contactID, Role: principal.RoleMain}, false, true},
		{"user", principal.Contact{TenantID: ten.ID, CompanyID: companyID, ContactID: contactID, Role: principal.RoleUser}, false, true},
		{"main's own", principal.Contact{TenantID: ten.ID, CompanyID: companyID, ContactID: contactID, Role: principal.RoleMain}, true, true},
		{"user following one", principal.Contact{TenantID: ten.ID, CompanyID: companyID, ContactID: follower, Role: principal.RoleUser}, false, true},
		{"user without tickets", principal.Contact{TenantID: ten.ID, CompanyID: companyID, ContactID: 1 << 40, Role: principal.RoleUser}, false, false},
		{"main without tickets", principal.Contact{TenantID: ten.ID, CompanyID: 1 << 40, ContactID: contactID, Role: principal.RoleMain}, false, false},
	} {
		x := &testutil.Explainer{DB: d}
		got, err := ticket.AnyForContact(ctx, x, c.p, c.mine)
		if err != nil || got != c.want {
			t.Errorf("%s: %v, %v; want %v", c.name, got, err, c.want)
		}
		plan := x.Plans.String()
		own := c.p.Role == principal.RoleUser || c.mine
		for _, line := range strings.Split(plan, "\n") {
			// A user's probes start at the contact's own entries: the company's
			// index alone would walk all its tickets for someone who has none.
			if strings.Contains(line, "SCAN t") || strings.Contains(line, "SCAN f") ||
				own && strings.Contains(line, "(tenant_id=? AND company_id=?)") {
				t.Errorf("%s: a probe walks more than the contact's entries:\n%s", c.name, plan)
			}
		}
	}
}
