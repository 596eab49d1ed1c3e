package server_test

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestFileDownloadsOutlastWriteTimeout: the server ends a response two minutes after
// its request, which cut a large ticket attachment or an incoming mail's file over a
// slow line in the middle. Every download of a stored file — a ticket's attachment in
// the portal and the back office, an inbox mail's file and original, a file of the
// download area — gets a write deadline that fits its size (filestore.Deadline), as
// the download area's always did.
func TestFileDownloadsOutlastWriteTimeout(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		big := []byte(strings.Repeat("Zeile 0042 des Protokolls: Drucker meldet Fehler E42.\n", 40_000)) // about 2 MB
		alice := b.as("alice@alpha.test", "alice-password")
		tk := b.open(t, alice, "Drucker-Protokoll", apptest.File{Field: "files", Name: "protokoll.txt", Data: big})
		var att int64
		if err := b.env.DB.QueryRow(ctx, `SELECT id FROM ticket_attachments WHERE ticket_id = ?`, tk).Scan(&att); err != nil {
			t.Fatal(err)
		}
		raw := "From: Lena Lang <lena@anderefirma.example>\nTo: support@desk.test\nSubject: Protokoll\n" +
			"Message-ID: <lena-log@anderefirma.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XX\n\n" +
			"--XX\nContent-Type: text/plain; charset=utf-8\n\nAnbei das Protokoll.\n--XX\nContent-Type: text/plain\n" +
			"Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"protokoll.txt\"\n\n" +
			wrap76(base64.StdEncoding.EncodeToString(big)) + "--XX--\n"
		if err := sendRaw(b.addr, "lena@anderefirma.example", "support@desk.test", raw); err != nil {
			t.Fatal(err)
		}
		var item int64
		b.env.DB.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM inbox_items WHERE email = 'lena@anderefirma.example'`).Scan(&item)
		up := b.admin.PostMultipart("/admin/downloads/files", map[string]string{"title": "Protokoll", "folder_id": "0", "visibility": "all"},
			apptest.File{Field: "file", Name: "protokoll.txt", Data: big})
		if up.Status != 303 {
			t.Fatalf("upload: %d %.300s", up.Status, up.Body)
		}
		fileID := idAfter(t, up.Location, "/admin/downloads/files/")
		version := idAfter(t, b.admin.Get(up.Location).Body, "/admin/downloads/versions/")

		staffCookie := &http.Cookie{Name: web.AdminCookie, Value: b.admin.Cookie(web.AdminCookie)}
		contactCookie := &http.Cookie{Name: web.PortalCookie, Value: alice.Cookie(web.PortalCookie)}
		for path, ck := range map[string]*http.Cookie{
			"/tickets/" + id(tk) + "/files/" + id(att):               contactCookie,
			"/admin/tickets/" + id(tk) + "/files/" + id(att):         staffCookie,
			"/admin/inbox/" + id(item) + "/files/0":                  staffCookie,
			"/admin/inbox/" + id(item) + "/raw":                      staffCookie,
			"/downloads/files/" + id(fileID) + "/download":           contactCookie,
			"/admin/downloads/versions/" + id(version) + "/download": staffCookie,
		} {
			req := httptest.NewRequest("GET", path, nil)
			req.Host = "desk.test"
			req.AddCookie(ck)
			rec := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
			start := time.Now()
			b.env.App.Handler().ServeHTTP(rec, req)
			size := int64(rec.Body.Len())
			if rec.Code != 200 || size < int64(len(big)) {
				t.Fatalf("GET %s: %d, %d bytes", path, rec.Code, size)
			}
			if len(rec.deadlines) == 0 {
				t.Errorf("GET %s: no write deadline: a slow line is cut off after two minutes", path)
				continue
			}
			if want := start.Add(filestore.Deadline(size)); rec.deadlines[0].Before(want) || filestore.Deadline(size) < 3*time.Minute {
				t.Errorf("GET %s: deadline %v after the request, want %v for %d bytes", path, rec.deadlines[0].Sub(start), filestore.Deadline(size), size)
			}
		}
	})
}

// wrap76 breaks base64 text into lines of 76 characters, as mail wants them.
func wrap76(s string) string {
	var out strings.Builder
	for len(s) > 76 {
		out.WriteString(s[:76] + "\n")
		s = s[76:]
	}
	return out.String() + s + "\n"
}
