package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestAuditLogReusedIDs: on SQLite a deleted article's or file's id goes to the next
// one created (INTEGER PRIMARY KEY without AUTOINCREMENT); the old entries then still
// read as written, never linked to or named by the newer record. Deleting an article
// is logged with its title. (On PostgreSQL ids are not reused; the test runs the same.)
func TestAuditLogReusedIDs(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "a.test")
		boss := env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		by := access.StaffActor(boss.ID, boss.Email)
		then := time.Now().Add(-time.Hour) // when the old entries were written
		art := kbArticle(t, env, ten, 0, "alt", "draft", "public", "Alter Titel", "Text")
		file := seedDownload(t, env, ten.ID, "Preise", 0, nil, []byte("alt"))
		for _, q := range []string{`UPDATE kb_articles SET created_at = ? WHERE id = ?`, `UPDATE download_files SET created_at = ? WHERE id = ?`} {
			id := art
			if strings.Contains(q, "download") {
				id = file.ID
			}
			if _, err := env.DB.Exec(ctx, q, then.Add(-time.Hour).Unix(), id); err != nil {
				t.Fatal(err)
			}
		}
		for _, target := range []string{fmt.Sprintf("article:%d alt", art), fmt.Sprintf("download:%d Preise (Preise.txt)", file.ID)} {
			action := audit.KBPublished
			if strings.HasPrefix(target, "download") {
				action = audit.DownloadUploaded
			}
			if err := audit.Log(ctx, env.DB, ten.ID, by, action, target, "10.0.0.1", then); err != nil {
				t.Fatal(err)
			}
		}
		c := env.Client("a.test")
		c.AdminLogin("boss@service.test", "boss-password")
		page := c.Get("/admin/audit").Body
		for _, want := range []string{fmt.Sprintf(`Artikel „<a href="/admin/kb/articles/%d">Alter Titel</a>“ (#%d)`, art, art),
			fmt.Sprintf(`Download „<a href="/admin/downloads/files/%d">Preise</a>“ (Preise.txt)`, file.ID)} {
			if !strings.Contains(page, want) {
				t.Fatalf("before deleting, the log lacks %s", want)
			}
		}
		c.Post(fmt.Sprintf("/admin/kb/articles/%d/delete", art), url.Values{})
		c.Post(fmt.Sprintf("/admin/downloads/files/%d/delete", file.ID), url.Values{})
		art2 := kbArticle(t, env, ten, 0, "neu", "draft", "public", "Neuer Titel", "Text")
		file2 := seedDownload(t, env, ten.ID, "Neue Preise", 0, nil, []byte("neu"))
		if e == db.SQLite && (art2 != art || file2.ID != file.ID) {
			t.Fatalf("SQLite did not reuse the ids (%d→%d, %d→%d): the test shows nothing", art, art2, file.ID, file2.ID)
		}
		page = c.Get("/admin/audit").Body
		for _, want := range []string{fmt.Sprintf(`Artikel „alt“ (#%d)`, art), "Artikel gelöscht", fmt.Sprintf(`Artikel „Alter Titel“ (#%d)`, art),
			`Download „Preise“ (Preise.txt)`} {
			if !strings.Contains(page, want) {
				t.Errorf("after deleting and creating anew, the log lacks %s", want)
			}
		}
		if strings.Contains(page, "Neuer Titel") || strings.Contains(page, "Neue Preise") ||
			strings.Contains(page, fmt.Sprintf(`href="/admin/kb/articles/%d"`, art2)) || strings.Contains(page, fmt.Sprintf(`href="/admin/downloads/files/%d"`, file2.ID)) {
			t.Errorf("old entries link to or name the newer record with their id")
		}
	})
}
