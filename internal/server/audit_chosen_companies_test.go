package server_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAuditChosenCompanies: ticking and unticking the companies that may read an
// article or see a download is logged, by whom, with the companies added and removed
// by name, and the log reads it in the admin's language (German, then French), each
// company linked; a save that changed no company writes no such entry.
func TestAuditChosenCompanies(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ten, boss, mueller, _ := auditWorld(t, e, "Müller Haustechnik GmbH", "anna@mueller.test")
		zwei, drei := env.Company(ten, "Zwei AG"), env.Company(ten, "Drei AG")
		c := env.Client("a.test")
		c.AdminLogin("boss@service.test", "boss-password")
		co := func(id int64) string {
			return fmt.Sprintf(`<a href="/admin/companies/%d">`, id)
		}

		art := kbArticle(t, env, ten, 0, "preise", "draft", "companies", "Preise", "Text")
		save := func(ids ...int64) {
			t.Helper()
			f := url.Values{"slug": {"preise"}, "status": {"draft"}, "visibility": {"companies"}}
			for _, id := range ids {
				f.Add("company_id", fmt.Sprint(id))
			}
			if r := c.Post(fmt.Sprintf("/admin/kb/articles/%d", art), f); r.Status != 303 {
				t.Fatalf("saving the article's companies: %d", r.Status)
			}
		}
		save(mueller.ID, zwei.ID)
		save(zwei.ID, drei.ID)
		save(drei.ID, zwei.ID) // the same companies: nothing to log
		if n := countOf(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor LIKE ?`,
			audit.KBCompaniesChanged, fmt.Sprintf("staff:%d %%", boss.ID)); n != 2 {
			t.Errorf("%d entries of the article's companies by the admin, want 2", n)
		}

		pdf := []byte("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n")
		fields := url.Values{"visibility": {"companies"}, "title": {"Preisliste"}, "description": {"Neu"}, "company_id": {fmt.Sprint(mueller.ID)}}
		r := c.PostMultipartValues("/admin/downloads/files", fields, apptest.File{Field: "file", Name: "preise.pdf", Data: pdf})
		if r.Status != 303 {
			t.Fatalf("upload: %d", r.Status)
		}
		file := r.Location
		edit := url.Values{"visibility": {"companies"}, "title": {"Preisliste"}, "description": {"Neu"}, "folder_id": {"0"},
			"company_id": {fmt.Sprint(zwei.ID)}}
		if r := c.Post(file, edit); r.Status != 303 {
			t.Fatalf("editing the file's companies: %d", r.Status)
		}
		if r := c.Post(file, edit); r.Status != 303 { // unchanged
			t.Fatalf("saving the file again: %d", r.Status)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = ?`, audit.DownloadCompaniesChanged); n != 2 {
			t.Errorf("%d entries of the file's companies, want 2 (the upload's and the edit's)", n)
		}

		page := c.Get("/admin/audit").Body
		article := fmt.Sprintf(`Artikel „<a href="/admin/kb/articles/%d">Preise</a>“ (#%d)`, art, art)
		download := fmt.Sprintf(`Download „<a href="%s">Preisliste</a>“ (preise.pdf)`, file)
		for _, want := range []string{
			article + " – Firmen hinzugefügt: " + co(mueller.ID) + "Müller Haustechnik GmbH</a>, " + co(zwei.ID) + "Zwei AG</a>",
			article + " – Firma hinzugefügt: " + co(drei.ID) + "Drei AG</a>; Firma entfernt: " + co(mueller.ID) + "Müller Haustechnik GmbH</a>",
			download + " – Firma hinzugefügt: " + co(mueller.ID) + "Müller Haustechnik GmbH</a>",
			download + " – Firma hinzugefügt: " + co(zwei.ID) + "Zwei AG</a>; Firma entfernt: " + co(mueller.ID) + "Müller Haustechnik GmbH</a>",
			"Ausgewählte Firmen eines Artikels geändert", "Ausgewählte Firmen eines Downloads geändert",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("the German log lacks %s", want)
			}
		}
		if _, err := env.DB.Exec(t.Context(), `UPDATE staff SET language = 'fr' WHERE id = ?`, boss.ID); err != nil {
			t.Fatal(err)
		}
		page = c.Get("/admin/audit").Body
		want := "entreprise ajoutée\u00a0: " + co(drei.ID) + "Drei AG</a>; entreprise retirée\u00a0: " + co(mueller.ID) + "Müller Haustechnik GmbH</a>"
		if !strings.Contains(page, want) || !strings.Contains(page, "Entreprises choisies d’un article modifiées") {
			t.Errorf("the French log lacks %s", want)
		}
	})
}
