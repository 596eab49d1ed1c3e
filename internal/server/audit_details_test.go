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

// TestAuditLogSentences: the audit log shows entries as sentences in the admin's
// language with links to the records they name that are still in the tenant (an
// article by its title, merged tickets, a company, the contact of an access entry); a
// record of another tenant, named by id or by name, is neither linked nor named, and
// the stored entries, which the text search reads, stay as written.
func TestAuditLogSentences(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ten, boss, co, anna := auditWorld(t, e, "Kunde AG", "anna@kunde.test")
		ctx, now := context.Background(), time.Now()
		t1 := reportTicket(t, env, ten.ID, co, anna, "Drucker", now)
		t2 := reportTicket(t, env, ten.ID, co, anna, "Drucker kaputt", now)
		art := kbArticle(t, env, ten, 0, "drucker", "published", "customers", "Drucker einrichten", "Text")
		other := env.Tenant("Fremd GmbH", "b.test")
		oco := env.Company(other, "Fremd AG")
		foreign := reportTicket(t, env, other.ID, oco, env.Contact(other, "x@fremd.test", "fremd-password-1", "main", oco), "Geheim", now)

		by := access.StaffActor(boss.ID, boss.Email)
		for _, en := range []struct {
			contact        int64
			action, target string
		}{
			{0, audit.KBPublished, fmt.Sprintf("article:%d drucker", art)},
			{0, audit.TicketMerged, fmt.Sprintf("#%d Drucker → #%d Drucker kaputt (Kunde AG)", t1, t2)},
			{0, audit.TicketMerged, fmt.Sprintf("#%d Geheim → #%d Drucker kaputt (Kunde AG)", foreign, t2)},
			{0, audit.CompanyTwoFactorChanged, fmt.Sprintf("company:%d on", co.ID)},
			{anna.ID, audit.AccessGranted, "anna@kunde.test @ Kunde AG (main)"},
			{0, audit.CompanyCreated, "Fremd AG"},
			{0, audit.CompanyTwoFactorChanged, fmt.Sprintf("company:%d off", oco.ID)},
		} {
			if err := audit.LogFor(ctx, env.DB, ten.ID, en.contact, by, en.action, en.target, "10.0.0.1", time.Now()); err != nil { // after the records were created
				t.Fatal(err)
			}
		}
		c := env.Client("a.test")
		c.AdminLogin("boss@service.test", "boss-password")
		page := c.Get("/admin/audit").Body
		for _, want := range []string{
			fmt.Sprintf(`Artikel „<a href="/admin/kb/articles/%d">Drucker einrichten</a>“ (#%d)`, art, art),
			fmt.Sprintf(`Ticket <a href="/admin/tickets/%d">#%d</a> „Drucker“ mit <a href="/admin/tickets/%d">#%d</a> „Drucker kaputt“ zusammengeführt (<a href="/admin/companies/%d">Kunde AG</a>)`, t1, t1, t2, t2, co.ID),
			fmt.Sprintf(`Ticket #%d „Geheim“ mit`, foreign),
			fmt.Sprintf(`<a href="/admin/companies/%d">Kunde AG</a>: Zwei-Faktor-Anmeldung verlangt`, co.ID),
			fmt.Sprintf(`<a href="/admin/contacts/%d">anna@kunde.test</a> bei Kunde AG (Hauptkontakt)`, anna.ID), // by name: never a link
		} {
			if !strings.Contains(page, want) {
				t.Errorf("German audit log lacks %s", want)
			}
		}
		if strings.Contains(page, fmt.Sprintf(`href="/admin/tickets/%d"`, foreign)) || strings.Contains(page, fmt.Sprintf(`href="/admin/companies/%d"`, oco.ID)) ||
			strings.Contains(page, "Geheim</a>") || !strings.Contains(page, fmt.Sprintf("#%d: Zwei-Faktor-Anmeldung nicht mehr verlangt", oco.ID)) {
			t.Errorf("the log links or names another tenant's ticket or company")
		}
		c.Post("/admin/language", url.Values{"language": {"en"}})
		page = c.Get("/admin/audit?q=" + url.QueryEscape(fmt.Sprintf("article:%d", art))).Body
		if want := fmt.Sprintf(`Article “<a href="/admin/kb/articles/%d">Drucker einrichten</a>” (#%d)`, art, art); !strings.Contains(page, want) {
			t.Errorf("English, searched by the stored form, lacks %s", want)
		}
		if strings.Contains(page, "merged into") {
			t.Errorf("the search by the stored form shows other entries")
		}
		var stored string
		env.DB.QueryRow(ctx, `SELECT target FROM audit_log WHERE tenant_id = ? AND action = ?`, ten.ID, audit.KBPublished).Scan(&stored)
		if stored != fmt.Sprintf("article:%d drucker", art) {
			t.Errorf("stored entry changed: %q", stored)
		}
	})
}
