package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAuditLogMergeLinks: ticket titles are typed by customers and may read like the
// log's own " → #N ". A merge done in the back office, and the same merge in the
// entry form of earlier versions, link the ticket the source was really merged into,
// never the number in a title; a mail attached to a ticket whose title holds such a
// number links the ticket it was attached to. Companies are linked by id only: after
// a rename, and another company taking the old name, entries that name a company
// only by name link none, and the merge links the company it was about.
func TestAuditLogMergeLinks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ten, boss, co, anna := auditWorld(t, e, "Kunde AG", "anna@kunde.test")
		ctx, now := context.Background(), time.Now()
		decoy := reportTicket(t, env, ten.ID, co, anna, "Alt", now)
		src := reportTicket(t, env, ten.ID, co, anna, "Drucker", now)
		dst := reportTicket(t, env, ten.ID, co, anna, fmt.Sprintf("Drucker → #%d kaputt", decoy), now)

		c := env.Client("a.test")
		c.AdminLogin("boss@service.test", "boss-password")
		if r := c.Post(fmt.Sprintf("/admin/tickets/%d/merge", src), url.Values{"target": {itoa64(dst)}, "confirm": {"1"}}); r.Status != 303 {
			t.Fatalf("merge: status %d", r.Status)
		}
		if _, err := env.DB.Exec(ctx, `UPDATE companies SET name = 'Kunde Alt AG' WHERE id = ?`, co.ID); err != nil {
			t.Fatal(err)
		}
		other := env.Company(ten, "Kunde AG") // takes the old name
		by := access.StaffActor(boss.ID, boss.Email)
		for _, en := range []struct {
			contact        int64
			action, target string
		}{
			{0, audit.TicketMerged, fmt.Sprintf("#%d Drucker → #%d Drucker → #%d kaputt (Kunde AG)", src, dst, decoy)},
			{0, audit.InboxTicketAttached, fmt.Sprintf("anna@kunde.test → #%d Drucker → #%d kaputt (reply)", dst, decoy)},
			{anna.ID, audit.AccessGranted, "anna@kunde.test @ Kunde AG (main)"},
			{0, audit.CompanyCreated, "Kunde AG"},
		} {
			if err := audit.LogFor(ctx, env.DB, ten.ID, en.contact, by, en.action, en.target, "10.0.0.1", time.Now()); err != nil { // after the records were created
				t.Fatal(err)
			}
		}
		page := c.Get("/admin/audit").Body
		merged := fmt.Sprintf(`Ticket <a href="/admin/tickets/%d">#%d</a> „Drucker“ mit <a href="/admin/tickets/%d">#%d</a> „Drucker → #%d kaputt“ zusammengeführt (<a href="/admin/companies/%d">Kunde AG</a>)`,
			src, src, dst, dst, decoy, co.ID)
		if n := strings.Count(page, merged); n != 2 {
			t.Errorf("the merge, as written now and in the old form, shows %d times as %s", n, merged)
		}
		attached := fmt.Sprintf(`Mail von anna@kunde.test als Antwort zu Ticket <a href="/admin/tickets/%d">#%d</a> „Drucker → #%d kaputt“ hinzugefügt`, dst, dst, decoy)
		if !strings.Contains(page, attached) {
			t.Errorf("the attached mail lacks %s", attached)
		}
		if want := fmt.Sprintf(`<a href="/admin/contacts/%d">anna@kunde.test</a> bei Kunde AG (Hauptkontakt)`, anna.ID); !strings.Contains(page, want) {
			t.Errorf("access entry lacks %s", want)
		}
		if strings.Contains(page, fmt.Sprintf(`href="/admin/tickets/%d"`, decoy)) || strings.Contains(page, fmt.Sprintf(`href="/admin/companies/%d"`, other.ID)) {
			t.Errorf("the log links a number from a title, or a company by a name it has now")
		}
		var stored string
		env.DB.QueryRow(ctx, `SELECT target FROM audit_log WHERE tenant_id = ? AND action = ? ORDER BY id LIMIT 1`, ten.ID, audit.TicketMerged).Scan(&stored)
		if want := audit.MergeTarget(src, dst, co.ID, "Drucker", fmt.Sprintf("Drucker → #%d kaputt", decoy), "Kunde AG"); stored != want {
			t.Errorf("stored merge entry %q, want %q", stored, want)
		}
		if page := c.Get("/admin/audit?q=" + url.QueryEscape("Drucker → #")).Body; strings.Count(page, merged) != 2 {
			t.Errorf("the text search no longer finds merges by title")
		}
	})
}
