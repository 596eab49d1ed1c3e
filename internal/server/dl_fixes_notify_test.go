package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadNotifyVersionToFolder: a contact following a folder is mailed (through
// the outbox, in the digest) when staff upload a new version of a file in it, worded as
// a new version; a follower whose company may not see that file is not. The file's page
// in the back office counts and names the folder's followers a new version goes to.
func TestDownloadNotifyVersionToFolder(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		folder := seedFolder(t, w.env, ta, 0, "Firmware")
		handbuch := seedDownload(t, w.env, ta, "Handbuch", folder.ID, nil, []byte("für alle"))
		onlyA1 := seedDownload(t, w.env, ta, "Firmware X200", folder.ID, []int64{w.a1}, []byte("v1"))
		for _, c := range []struct{ email, pw string }{{"alice@a1.test", "alice-password"}, {"bob@a2.test", "bob-password-1"}} {
			cl := w.env.Client("a.test")
			cl.Login(c.email, c.pw)
			if r := cl.Post("/downloads/folders/"+id(folder.ID)+"/subscribe", nil); r.Status != 303 {
				t.Fatalf("%s subscribes: %d", c.email, r.Status)
			}
		}
		mails := func(to string) int64 {
			return countOf(t, w.env, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, to)
		}
		alice, bob := mails("alice@a1.test"), mails("bob@a2.test")

		staff := w.env.Client("a.test")
		staff.AdminLogin("admin@a.test", "admin-a-password")
		// The file's page counts who a new version goes to: the folder's followers whose
		// company may see the file, though nobody follows the file itself.
		if b := staff.Get("/admin/downloads/files/" + id(onlyA1.ID)).Body; !strings.Contains(b, "1 Kontakt wird über neue Versionen") ||
			!strings.Contains(b, "· <bdi>A1 GmbH</bdi>") || strings.Contains(b, "· <bdi>A2 GmbH</bdi>") {
			t.Errorf("file page for A1 only: count or names wrong")
		}
		if b := staff.Get("/admin/downloads/files/" + id(handbuch.ID)).Body; !strings.Contains(b, "2 Kontakte werden über neue Versionen") {
			t.Errorf("file page for all: count wrong")
		}
		r := staff.PostMultipart("/admin/downloads/files/"+id(onlyA1.ID)+"/versions", map[string]string{"notify_shown": "1", "notify": "1"},
			apptest.File{Field: "file", Name: "x200-v2.bin", Data: []byte("v2")})
		if r.Status != 303 {
			t.Fatalf("new version: %d %.300s", r.Status, r.Body)
		}
		w.env.App.Automate(context.Background(), time.Now().Add(11*time.Minute))
		w.env.App.Automate(context.Background(), time.Now().Add(12*time.Minute))
		if n := mails("alice@a1.test"); n != alice+1 {
			t.Fatalf("mails to the folder's follower: %d, want %d", n, alice+1)
		}
		if n := mails("bob@a2.test"); n != bob {
			t.Errorf("a follower whose company may not see the file was mailed")
		}
		var text string
		w.env.DB.QueryRow(t.Context(), `SELECT text_body FROM mails WHERE to_addr = 'alice@a1.test' ORDER BY id DESC`).Scan(&text)
		if !strings.Contains(text, "Firmware X200 – neue Version 2 (x200-v2.bin)") || !strings.Contains(text, "/downloads/files/"+id(onlyA1.ID)) {
			t.Errorf("mail:\n%s", text)
		}
	})
}
