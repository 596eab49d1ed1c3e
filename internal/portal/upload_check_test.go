package portal_test

import (
	"context"
	"html"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestPortalUploadContent: the portal's new ticket and reply refuse a file whose
// content contradicts its name, naming the file and what it really is, while the files
// chosen with it are kept and listed, so sending again attaches them; a correct file
// and a program under a program's name (.exe) are attached, with their types; a program
// under a document's name is refused as in the download area.
func TestPortalUploadContent(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Check GmbH", "check.test")
		co := env.Company(ten, "Kunde AG")
		anna := env.Contact(ten, "anna@kunde.test", "anna-password-1", "main", co)
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, anna.ID, "en"); err != nil {
			t.Fatal(err)
		}
		c := env.Client("check.test")
		c.Login(anna.Email, "anna-password-1")
		tid, err := ticket.Create(ctx, env.DB, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: anna.ID,
			Author: "Anna", Title: "Drucker", Body: "Leere Seiten", Priority: ticket.PriorityNormal}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		file := func(name string, data []byte) apptest.File {
			return apptest.File{Field: "files", Name: name, Data: data}
		}
		forms := []struct {
			name, path string
			fields     url.Values
		}{
			{"new ticket", "/tickets", url.Values{"title": {"Scanner"}, "body": {"Streifen im Bild"}, "priority": {"2"}}},
			{"reply", "/tickets/" + strconv.FormatInt(tid, 10) + "/reply", url.Values{"body": {"Nachtrag"}}},
		}
		cases := []struct {
			name   string
			files  []apptest.File
			msg    string            // the field error; "" when the form is sent
			kept   []string          // the files the refused form keeps
			attach map[string]string // name → content type of the files the ticket gets
		}{
			{"contradicting beside a correct one", []apptest.File{file("report.pdf", apptest.SamplePE), file("foto.png", apptest.SamplePNG)},
				"report.pdf is not a real PDF file (its content is a Windows program). Choose the right file or rename it.",
				[]string{"foto.png"}, map[string]string{"foto.png": "image/png"}},
			{"PNG named JPEG", []apptest.File{file("bild.jpg", apptest.SamplePNG), file("a.pdf", apptest.SamplePDF)},
				"bild.jpg is not a real JPG file (its content is an image in PNG format). Choose the right file or rename it.",
				[]string{"a.pdf"}, map[string]string{"a.pdf": "application/pdf"}},
			{"correct file", []apptest.File{file("a.pdf", apptest.SamplePDF)}, "", nil, map[string]string{"a.pdf": "application/pdf"}},
			{"program as .exe", []apptest.File{file("setup.exe", apptest.SamplePE)}, "", nil,
				map[string]string{"setup.exe": "application/x-msdownload"}},
			{"program under a document's name", []apptest.File{file("anleitung.txt", apptest.SamplePE), file("a.pdf", apptest.SamplePDF)},
				"anleitung.txt is a Windows program. A program is attached only under a program's name (.exe, .dll, .so, .bin …), so nobody opens it taking it for a document. Choose the right file or rename it.",
				[]string{"a.pdf"}, map[string]string{"a.pdf": "application/pdf"}},
		}
		for _, fm := range forms {
			for _, cs := range cases {
				what := fm.name + ", " + cs.name
				before := lastAttachment(t, env)
				r := c.PostMultipartValues(fm.path, fm.fields, cs.files...)
				if cs.msg != "" {
					body := html.UnescapeString(r.Body)
					stagedIDs := apptest.StagedIDs(r.Body)
					if r.Status != 422 || !strings.Contains(body, cs.msg) || !slices.Equal(stagedNames(t, env, stagedIDs), cs.kept) {
						t.Fatalf("%s: %d, kept %v: %.3000s", what, r.Status, stagedNames(t, env, stagedIDs), body)
					}
					// Sent again with the kept files listed: they are attached.
					again := url.Values{"staged": stagedIDs}
					for k, v := range fm.fields {
						again[k] = v
					}
					r = c.PostMultipartValues(fm.path, again)
				}
				if r.Status != 303 {
					t.Fatalf("%s: sending: %d %.2000s", what, r.Status, r.Body)
				}
				if got := attachedSince(t, env, before); !maps.Equal(got, cs.attach) {
					t.Fatalf("%s: attached %v, want %v", what, got, cs.attach)
				}
			}
		}
		var n int
		if err := env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_attachments WHERE filename IN ('report.pdf', 'bild.jpg', 'anleitung.txt')`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("%d refused files attached (%v)", n, err)
		}
	})
}

// lastAttachment is the id of the newest ticket attachment, 0 for none.
func lastAttachment(t *testing.T, env *apptest.Env) (id int64) {
	t.Helper()
	if err := env.DB.QueryRow(context.Background(), `SELECT COALESCE(MAX(id), 0) FROM ticket_attachments`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// attachedSince maps the files attached after attachment id to their content types.
func attachedSince(t *testing.T, env *apptest.Env, id int64) map[string]string {
	t.Helper()
	rows, err := env.DB.Query(context.Background(), `SELECT filename, content_type FROM ticket_attachments WHERE id > ?`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			t.Fatal(err)
		}
		out[name] = typ
	}
	return out
}

// stagedNames are the file names of the staged uploads ids, in their order.
func stagedNames(t *testing.T, env *apptest.Env, ids []string) []string {
	t.Helper()
	var names []string
	for _, id := range ids {
		var n string
		if err := env.DB.QueryRow(context.Background(), `SELECT filename FROM staged_uploads WHERE id = ?`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return names
}
