package server_test

import (
	"context"
	"html"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestEmptyQueueKbFilesSayNoneYet: on a fresh tenant the ticket queue said "No tickets
// match these filters", the article list "No articles found" and the download area's
// files "Nothing found", as if a search had failed; the new-ticket page's company
// choice said "Nothing found" too. Without a filter they now say there is none yet and
// name the button that creates one; the queue, once the tenant has a ticket, says that
// none is open. A search or filter without a match keeps the old words.
func TestEmptyQueueKbFilesSayNoneYet(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		boss := env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		de := i18n.For("de")
		act := func(key string) map[string]any { return map[string]any{"Action": de.T(key)} }
		noMatch := de.T("tickets_admin.none")
		noneYet := de.T("list_empty.tickets", act("tickets_admin.new"))
		nothing := de.T("admin.empty")
		check := func(path, want string, not ...string) {
			t.Helper()
			r := c.Get(path)
			body := html.UnescapeString(r.Body)
			if r.Status != 200 || !strings.Contains(body, want) {
				t.Errorf("%s: status %d, want %q", path, r.Status, want)
			}
			for _, n := range not {
				if strings.Contains(body, n) {
					t.Errorf("%s says %q", path, n)
				}
			}
		}
		check("/admin/tickets", noneYet, noMatch)
		check("/admin/tickets?state=all", noneYet, noMatch)
		check("/admin/tickets?state=done", noneYet, noMatch)
		check("/admin/tickets?sort=created", noneYet, noMatch) // an order narrows nothing
		check("/admin/tickets?q=zzz", noMatch, noneYet)
		check("/admin/tickets?assignee=me", noMatch, noneYet)
		check("/admin/tickets?priority=4", noMatch, noneYet)
		check("/admin/tickets/new", de.T("list_empty.ticket_new_companies",
			map[string]any{"Nav": de.T("admin.nav.companies"), "Action": de.T("admin.companies.new")}), nothing)
		check("/admin/tickets/new?cq=zzz", nothing)
		check("/admin/kb", de.T("list_empty.kb", act("kb_admin.new")), de.T("kb_admin.none"))
		check("/admin/kb?q=zzz", de.T("kb_admin.none"))
		check("/admin/kb?status=draft", de.T("kb_admin.none"))
		check("/admin/downloads", de.T("list_empty.files", act("downloads_admin.upload")), nothing)
		check("/admin/downloads?q=zzz", nothing)

		// A folder: its own words, and the top level's now point to it.
		folder, err := download.CreateFolder(ctx, env.DB, download.Folder{TenantID: ten.ID, Name: "Handbücher"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		check("/admin/downloads", de.T("list_empty.files_top", act("downloads_admin.upload")), nothing)
		check("/admin/downloads?folder="+itoa64(folder.ID), de.T("list_empty.files_folder", act("downloads_admin.upload")), nothing)

		// One closed ticket: the open queue has none, the tenant has one.
		co := env.Company(ten, "Kunde AG")
		check("/admin/tickets/new", "Kunde AG", nothing)
		if err := env.DB.InTx(ctx, func(tx *db.Tx) error {
			id, err := ticket.Create(ctx, tx, ticket.New{TenantID: ten.ID, CompanyID: co.ID, StaffID: boss.ID,
				Author: "Boss", Title: "Anruf", Body: "Drucker druckt leer."}, time.Now())
			if err != nil {
				return err
			}
			tk, err := ticket.ForStaff(ctx, tx, ten.ID, id)
			if err != nil {
				return err
			}
			return ticket.Close(ctx, tx, tk, ticket.Actor{StaffID: boss.ID, Name: "Boss"}, time.Now())
		}); err != nil {
			t.Fatal(err)
		}
		check("/admin/tickets", de.T("list_empty.tickets_open"), noMatch, noneYet)
		check("/admin/tickets?state=done", "Anruf", noMatch, noneYet)
		check("/admin/tickets?q=zzz", noMatch, noneYet)
	})
}
