package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// formRefused reports whether a request that named another tenant's record in its form or
// query was turned away: a 404, or the form again with an error next to the field.
func formRefused(r apptest.Response) bool { return r.Status == 404 || r.Status == 422 }

// TestAdminFormIsolation covers what TestAdminIsolation cannot see in the route table:
// routes without an id in the path that take one in the form or the query, and routes
// on the staff member's own record whose form names another tenant's record (company,
// category, folder, membership). Each is refused, shows nothing of tenant B, and
// changes nothing.
func TestAdminFormIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		ctx := context.Background()
		ta, tb := tenantOf(t, w, w.a1), tenantOf(t, w, w.b1)
		catB := kbCategory(t, w.env, tb, "B1 AG Kategorie")
		artA := kbArticle(t, w.env, ta, 0, "a-artikel", kb.StatusDraft, kb.VisibilityCompanies, "Artikel A", "Text A")
		folderA, folderB := seedFolder(t, w.env, ta.ID, 0, "Ordner A"), seedFolder(t, w.env, tb.ID, 0, "B1 AG Ordner")
		fileA := seedDownload(t, w.env, ta.ID, "Datei A", folderA.ID, []int64{w.a1}, []byte("A"))
		reg, err := inbox.Create(ctx, w.env.DB, inbox.Item{TenantID: ta.ID, Kind: inbox.KindRegistration, Title: "Neu GmbH",
			Email: "neu@neu.test"}, access.RegistrationPayload{FirstName: "Nina", LastName: "Neu", Email: "neu@neu.test",
			Company: "Neu GmbH"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		// A mail in tenant A's inbox, sorted into tenant B's company, contact or ticket.
		mailA, err := inbox.Create(ctx, w.env.DB, inbox.Item{TenantID: ta.ID, Kind: inbox.KindMail, Title: "Anfrage",
			Email: "zoe@zed.test"}, inbox.MailPayload{From: "zoe@zed.test", Subject: "Anfrage", Text: "Hallo"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		ticketB := openTicket(t, w.env, tb.ID, w.b1, w.carol, "B1 AG Ticket")
		var catHelpB int64
		w.env.DB.InTx(ctx, func(tx *db.Tx) error {
			catHelpB, err = ticket.SaveCategory(ctx, tx, tb.ID, ticket.Category{Name: "B1 AG Hilfe", Active: true})
			return err
		})
		staffA := w.env.Client("a.test")
		staffA.AdminLogin("admin@a.test", "admin-a-password")

		// Pages that prefill a form from the query: tenant B's ids show nothing of it.
		for _, p := range []string{"/admin/contacts/new?company_id=" + id(w.b1), "/admin/contacts?company=" + id(w.b1),
			"/admin/downloads/files/new?folder=" + id(folderB.ID), "/admin/kb?category=" + id(catB),
			"/admin/tickets/new?company=" + id(w.b1) + "&category=" + id(catHelpB)} {
			if r := staffA.Get(p); r.Status == 200 && (strings.Contains(r.Body, "B1 AG") || strings.Contains(r.Body, "carol@")) {
				t.Errorf("GET %s shows tenant B", p)
			}
		}
		aA := "/admin/kb/articles/" + id(artA)
		posts := []struct {
			path string
			form url.Values
		}{
			{"/admin/contacts", url.Values{"first_name": {"Zed"}, "last_name": {"Zoll"}, "email": {"zed@a.test"},
				"company_id": {id(w.b1)}, "role": {"user"}}},
			{"/admin/contacts/" + id(w.alice) + "/memberships", url.Values{"company_id": {id(w.b1)}, "role": {"user"}}},
			{"/admin/contacts/" + id(w.alice) + "/preview", url.Values{"company_id": {id(w.b1)}}},
			{"/admin/companies/" + id(w.a1) + "/grant", url.Values{"membership_id": {id(w.carolM)}, "role": {"user"}}},
			{"/admin/kb", url.Values{"title": {"Neu"}, "body": {"x"}, "language": {"de"}, "slug": {"neu"},
				"status": {kb.StatusDraft}, "visibility": {kb.VisibilityCustomers}, "category_id": {id(catB)}}},
			{aA, url.Values{"slug": {"a-artikel"}, "status": {kb.StatusDraft}, "visibility": {kb.VisibilityCompanies},
				"category_id": {id(catB)}}},
			{aA + "/companies", url.Values{"company_id": {id(w.b1)}}},
			{"/admin/downloads/folders", url.Values{"name": {"Unter B"}, "parent_id": {id(folderB.ID)}}},
			{"/admin/downloads/folders/" + id(folderA.ID), url.Values{"name": {"Ordner A"}, "parent_id": {id(folderB.ID)}}},
			{"/admin/downloads/files/" + id(fileA.ID), url.Values{"title": {"Datei A"}, "folder_id": {id(folderB.ID)},
				"visibility": {"companies"}, "company_id": {id(w.b1)}}},
			{"/admin/inbox/" + id(reg) + "/approve", url.Values{"company_id": {id(w.b1)}, "role": {"user"}}},
			{"/admin/inbox/" + id(mailA) + "/ticket", url.Values{"company_id": {id(w.b1)}, "contact_id": {"new"}, "last_name": {"Zed"}}},
			{"/admin/inbox/" + id(mailA) + "/ticket", url.Values{"company_id": {id(w.a1)}, "contact_id": {id(w.carol)}}},
			{"/admin/inbox/" + id(mailA) + "/attach", url.Values{"ticket_id": {id(ticketB)}}},
			{"/admin/inbox/" + id(mailA) + "/attach", url.Values{"ticket_id": {id(ticketB)}, "confirm": {"1"}}},
		}
		// The preview refuses with a message on the contact's page; the counts below
		// prove that no preview began.
		back := map[string]string{"/admin/contacts/" + id(w.alice) + "/preview": "/admin/contacts/" + id(w.alice)}
		for _, p := range posts {
			r := staffA.Post(p.path, p.form)
			if !formRefused(r) && (r.Status != 303 || r.Location != back[p.path] || back[p.path] == "") {
				t.Errorf("POST %s with tenant B's ids: %d, want 404 or 422", p.path, r.Status)
			}
			if strings.Contains(r.Body, "B1 AG") || strings.Contains(r.Body, "carol@") {
				t.Errorf("POST %s shows tenant B", p.path)
			}
		}
		if r := staffA.PostMultipart("/admin/downloads/files", map[string]string{"title": "Hochgeladen", "folder_id": id(folderB.ID),
			"visibility": "companies", "company_id": id(w.b1)}, apptest.File{Field: "file", Name: "a.txt", Data: []byte("A")}); !formRefused(r) {
			t.Errorf("upload into tenant B's folder: %d", r.Status)
		}
		// Nothing of tenant A now points at tenant B, and tenant B is as it was.
		for q, args := range map[string][]any{
			`SELECT COUNT(*) FROM memberships WHERE company_id = ? AND tenant_id <> ?`:                 {w.b1, tb.ID},
			`SELECT COUNT(*) FROM contacts WHERE email = 'zed@a.test'`:                                 nil,
			`SELECT COUNT(*) FROM kb_articles WHERE category_id = ? AND tenant_id <> ?`:                {catB, tb.ID},
			`SELECT COUNT(*) FROM kb_article_companies WHERE company_id = ? AND tenant_id <> ?`:        {w.b1, tb.ID},
			`SELECT COUNT(*) FROM download_folders WHERE parent_id = ?`:                                {folderB.ID},
			`SELECT COUNT(*) FROM download_files WHERE folder_id = ? AND tenant_id <> ?`:               {folderB.ID, tb.ID},
			`SELECT COUNT(*) FROM download_file_companies WHERE company_id = ? AND tenant_id <> ?`:     {w.b1, tb.ID},
			`SELECT COUNT(*) FROM sessions WHERE preview_by IS NOT NULL`:                               nil,
			`SELECT COUNT(*) FROM inbox_items WHERE id = ? AND state <> 'open'`:                        {reg},
			`SELECT COUNT(*) FROM inbox_items WHERE id IN (?, ?) AND state <> 'open'`:                  {reg, mailA},
			`SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND tenant_id <> ?`:              {ticketB, tb.ID},
			`SELECT COUNT(*) FROM memberships WHERE id = ? AND (access <> 'active' OR role <> 'main')`: {w.carolM},
			`SELECT COUNT(*) FROM download_files WHERE title = 'Hochgeladen'`:                          nil,
		} {
			if n := countOf(t, w.env, q, args...); n != 0 {
				t.Errorf("%s: %d, want 0", q, n)
			}
		}
	})
}

// TestPortalFormIsolation: a contact's forms and filters that name another tenant's
// record (a ticket category, a colleague to follow) are refused or ignored; nothing of
// tenant B shows or changes.
func TestPortalFormIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		ctx := context.Background()
		tb := tenantOf(t, w, w.b1)
		var catB int64
		var err error
		w.env.DB.InTx(ctx, func(tx *db.Tx) error {
			catB, err = ticket.SaveCategory(ctx, tx, tb.ID, ticket.Category{Name: "B1 AG Hilfe", Active: true})
			return err
		})
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		r := alice.PostMultipart("/tickets", map[string]string{"title": "Drucker", "body": "kaputt", "priority": "2",
			"category": id(catB)})
		if r.Status != 422 && r.Status != 404 {
			t.Errorf("ticket with tenant B's category: %d, want 422 or 404", r.Status)
		}
		if strings.Contains(r.Body, "B1 AG") {
			t.Errorf("ticket form shows tenant B's category")
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM tickets WHERE category_id = ? AND tenant_id <> ?`, catB, tb.ID); n != 0 {
			t.Errorf("a ticket of tenant A has tenant B's category")
		}
		for _, p := range []string{"/tickets?q=B1", "/tickets?state=all&category=" + id(catB), "/kb/search?q=B1+AG",
			"/downloads?q=B1", "/tickets/new?title=B1"} {
			if r := alice.Get(p); strings.Contains(r.Body, "B1 AG Hilfe") || strings.Contains(r.Body, "carol@") {
				t.Errorf("GET %s shows tenant B", p)
			}
		}
	})
}

// tenantOf is the tenant a company belongs to.
func tenantOf(t *testing.T, w *world, companyID int64) tenant.Tenant {
	t.Helper()
	var tid int64
	w.env.DB.QueryRow(context.Background(), `SELECT tenant_id FROM companies WHERE id = ?`, companyID).Scan(&tid)
	ten, err := tenant.Get(context.Background(), w.env.DB, tid)
	if err != nil {
		t.Fatal(err)
	}
	return ten
}
