package admin_test

import (
	"context"
	"html"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffUploadContent: the staff reply, the internal note and the reply form shown
// again by "Insert" (text module) refuse a file whose content contradicts its name,
// naming the file and what it really is, while the files chosen with it are kept and
// listed, so sending again attaches them; a correct file and a program under a
// program's name (.exe) are attached with their types; a program under a document's
// name is refused as in the download area.
func TestStaffUploadContent(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		path := "/admin/tickets/" + id(o.ticket(t, "Drucker"))
		file := func(name string, data []byte) apptest.File {
			return apptest.File{Field: "files", Name: name, Data: data}
		}
		forms := []struct {
			name, path string
			fields     url.Values
			sends      bool // the form is sent when nothing is refused ("Insert" never sends)
		}{
			{"reply", path + "/reply", url.Values{"kind": {"reply"}, "body": {"Antwort"}}, true},
			{"note", path + "/reply", url.Values{"kind": {"note"}, "body": {"Notiz"}}, true},
			{"insert", path + "/text-modules", url.Values{"kind": {"reply"}, "body": {"Antwort"}}, false},
		}
		cases := []struct {
			name   string
			files  []apptest.File
			msg    string            // the field error; "" when the files pass
			kept   []string          // the files the refused form keeps
			attach map[string]string // name → content type of the files the ticket gets
		}{
			{"contradicting beside a correct one", []apptest.File{file("report.pdf", apptest.SamplePE), file("foto.png", apptest.SamplePNG)},
				"report.pdf ist keine echte PDF-Datei (der Inhalt ist ein Windows-Programm). Bitte wählen Sie die richtige Datei oder benennen Sie sie um.",
				[]string{"foto.png"}, map[string]string{"foto.png": "image/png"}},
			{"two contradicting", []apptest.File{file("a.png", apptest.SamplePDF), file("b.pdf", apptest.SamplePNG), file("c.pdf", apptest.SamplePDF)},
				"Nicht angehängt, weil der Inhalt nicht zum Dateinamen passt: a.png, b.pdf. Bitte wählen Sie die richtigen Dateien oder benennen Sie sie um.",
				[]string{"c.pdf"}, map[string]string{"c.pdf": "application/pdf"}},
			{"correct file", []apptest.File{file("a.pdf", apptest.SamplePDF)}, "", []string{"a.pdf"}, map[string]string{"a.pdf": "application/pdf"}},
			{"program as .exe", []apptest.File{file("setup.exe", apptest.SamplePE)}, "", []string{"setup.exe"},
				map[string]string{"setup.exe": "application/x-msdownload"}},
			{"program without extension", []apptest.File{file("werkzeug", apptest.SamplePE), file("a.pdf", apptest.SamplePDF)},
				"werkzeug ist ein Windows-Programm. Programme werden nur unter einem Programmnamen angehängt (.exe, .dll, .so, .bin …), damit niemand sie für ein Dokument hält und öffnet. Bitte wählen Sie die richtige Datei oder benennen Sie sie um.",
				[]string{"a.pdf"}, map[string]string{"a.pdf": "application/pdf"}},
		}
		for _, fm := range forms {
			for _, cs := range cases {
				what := fm.name + ", " + cs.name
				before := lastAttachment(t, o)
				r := o.agent.PostMultipartValues(fm.path, fm.fields, cs.files...)
				if cs.msg != "" || !fm.sends {
					ids := apptest.StagedIDs(r.Body)
					body := html.UnescapeString(r.Body)
					if r.Status != 422 || (cs.msg != "" && !strings.Contains(body, cs.msg)) || !slices.Equal(stagedNames(t, o, ids), cs.kept) {
						t.Fatalf("%s: %d, kept %v: %.3000s", what, r.Status, stagedNames(t, o, ids), body)
					}
					// Sent (again) with the kept files listed: they are attached.
					again := url.Values{"staged": ids}
					for k, v := range fm.fields {
						again[k] = v
					}
					r = o.agent.PostMultipartValues(path+"/reply", again)
				}
				if r.Status != 303 {
					t.Fatalf("%s: sending: %d %.2000s", what, r.Status, r.Body)
				}
				if got := attachedSince(t, o, before); !maps.Equal(got, cs.attach) {
					t.Fatalf("%s: attached %v, want %v", what, got, cs.attach)
				}
			}
		}
		var n int
		err := o.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM ticket_attachments
			WHERE filename IN ('report.pdf', 'a.png', 'b.pdf', 'werkzeug')`).Scan(&n)
		if err != nil || n != 0 {
			t.Fatalf("%d refused files attached (%v)", n, err)
		}
	})
}

// lastAttachment is the id of the newest ticket attachment, 0 for none.
func lastAttachment(t *testing.T, o *office) (id int64) {
	t.Helper()
	if err := o.env.DB.QueryRow(context.Background(), `SELECT COALESCE(MAX(id), 0) FROM ticket_attachments`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// attachedSince maps the files attached after attachment id to their content types.
func attachedSince(t *testing.T, o *office, id int64) map[string]string {
	t.Helper()
	rows, err := o.env.DB.Query(context.Background(), `SELECT filename, content_type FROM ticket_attachments WHERE id > ?`, id)
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
func stagedNames(t *testing.T, o *office, ids []string) []string {
	t.Helper()
	var names []string
	for _, id := range ids {
		var n string
		if err := o.env.DB.QueryRow(context.Background(), `SELECT filename FROM staged_uploads WHERE id = ?`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return names
}
