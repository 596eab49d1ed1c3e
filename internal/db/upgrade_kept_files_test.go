package db_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestUpgradeKeptFiles: migration 58 makes staged uploads ownable by contacts. A staff
// member's file kept before (a reply refused as stale, migration 55) stays theirs on
// its ticket, and "Send anyway" still finds and takes it. Ids are never handed out
// twice: after the newest kept file is sent, the next one kept gets a new id, so a form
// that still lists the old id cannot come to mean the new file.
func TestUpgradeKeptFiles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := upgraded(t, e, 57,
			`INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`,
			`INSERT INTO companies (tenant_id, name, search, created_at, updated_at) SELECT id, 'Altkunde GmbH', 'altkunde gmbh', 1, 1 FROM tenants`,
			`INSERT INTO staff (tenant_id, email, name, role, created_at) SELECT id, 'agent@alt.test', 'Agent', 'admin', 1 FROM tenants`,
			`INSERT INTO ticket_statuses (tenant_id, kind) SELECT id, 'open' FROM tenants`,
			`INSERT INTO tickets (tenant_id, company_id, title, status_id, via, reply_token, created_at, updated_at)
				SELECT t.id, c.id, 'Drucker', s.id, 'portal', 'tok-alt', 100, 100
				FROM tenants t JOIN companies c ON c.tenant_id = t.id JOIN ticket_statuses s ON s.tenant_id = t.id`,
			`INSERT INTO staged_uploads (tenant_id, staff_id, ticket_id, file_key, filename, size, content_type, created_at)
				SELECT t.tenant_id, s.id, t.id, '0123456789abcdef0123456789abcdef', 'bericht.pdf', 12, 'application/pdf', 200
				FROM tickets t JOIN staff s ON s.tenant_id = t.tenant_id`)
		var o ticket.StagedOwner
		var id int64
		if err := d.QueryRow(ctx, `SELECT u.id, u.tenant_id, u.staff_id, u.ticket_id FROM staged_uploads u
			WHERE u.contact_id IS NULL AND u.company_id IS NULL`).Scan(&id, &o.TenantID, &o.StaffID, &o.TicketID); err != nil {
			t.Fatalf("the kept row after the upgrade: %v", err)
		}
		got, err := ticket.StagedOf(ctx, d, o, []int64{id})
		if err != nil || len(got) != 1 || got[0].Filename != "bericht.pdf" || got[0].Key != "0123456789abcdef0123456789abcdef" ||
			got[0].Size != 12 || got[0].CreatedAt.Unix() != 200 {
			t.Fatalf("the staff member's kept file: %+v %v", got, err)
		}
		contact := ticket.StagedOwner{TenantID: o.TenantID, ContactID: o.StaffID, CompanyID: 1, TicketID: o.TicketID}
		if other, err := ticket.StagedOf(ctx, d, contact, []int64{id}); err != nil || len(other) != 0 {
			t.Fatalf("a contact finds the staff member's file: %+v %v", other, err)
		}
		// Kept twice more, the newest sent: the next kept file gets an id of its own.
		now := time.Unix(300, 0)
		up := ticket.Upload{Filename: "foto.png"}
		up.Key, up.Size, up.Type = "fedcba9876543210fedcba9876543210", 5, "image/png"
		kept, err := ticket.Stage(ctx, d, o, []ticket.Upload{up, up}, now)
		if err != nil {
			t.Fatal(err)
		}
		for _, take := range [][]int64{{id}, {kept[1].ID}} {
			if taken, err := ticket.TakeStaged(ctx, d, o, take); err != nil || len(taken) != 1 || taken[0].ID != take[0] {
				t.Fatalf("taking %v: %+v %v", take, taken, err)
			}
		}
		again, err := ticket.Stage(ctx, d, o, []ticket.Upload{up}, now)
		if err != nil {
			t.Fatal(err)
		}
		if again[0].ID <= kept[1].ID || kept[0].ID <= id {
			t.Fatalf("ids handed out again: %d, then %d and %d, then %d", id, kept[0].ID, kept[1].ID, again[0].ID)
		}
		if listed, err := ticket.StagedOf(ctx, d, o, []int64{kept[1].ID}); err != nil || len(listed) != 0 {
			t.Fatalf("the sent file's id finds %+v (%v)", listed, err)
		}
	})
}
