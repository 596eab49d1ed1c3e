package download_test

import (
	"archive/zip"
	"bytes"
	"testing"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/filestore"
	"pforte/internal/testutil"
)

// TestRefreshTypes: versions stored before office documents were told apart get the
// type an upload records today ("bericht.docx" as a Word document, a document zipped
// under "archiv.zip" stays a zip, text mentioning "%PDF-" text); one whose content contradicts its name, and one
// whose file is gone, keep theirs. It runs once: a later start changes nothing.
func TestRefreshTypes(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		store, err := filestore.New(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		var docx bytes.Buffer
		zw := zip.NewWriter(&docx)
		for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
			w, _ := zw.Create(n)
			w.Write([]byte("<x/>"))
		}
		zw.Close()
		pe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 100)...)
		cases := []struct {
			name, was, want string
			content         []byte // nil: the file is missing from the store
		}{
			{"bericht.docx", "application/zip", filestore.TypeDocx, docx.Bytes()},
			{"archiv.zip", "application/zip", "application/zip", docx.Bytes()},
			{"handbuch.pdf", "text/plain; charset=utf-8", "application/pdf", []byte("\xef\xbb\xbf\n%PDF-1.7\n1 0 obj\n")},
			{"rechnung.pdf", "application/octet-stream", "application/octet-stream", pe},
			// Text mentioning a PDF version was once recorded as a PDF.
			{"notiz.txt", "application/pdf", "text/plain; charset=utf-8", []byte("Format: %PDF-1.7\n")},
			{"scan.pdf", "application/octet-stream", "application/pdf", append(make([]byte, 20), "%PDF-1.4\n"...)},
			{"weg.docx", "application/zip", "application/zip", nil},
		}
		ids := make([]int64, len(cases))
		for i, c := range cases {
			v := download.Version{Key: "0123456789abcdef0123456789abcdef", Name: c.name, Size: 1, Type: c.was, SHA256: "abc"}
			if c.content != nil {
				st, err := store.Put(bytes.NewReader(c.content), 0)
				if err != nil {
					t.Fatal(err)
				}
				v.Key, v.Size, v.SHA256 = st.Key, st.Size, st.SHA256
			}
			file, err := download.Create(f.ctx, d, download.File{TenantID: f.ta, Title: c.name, Visibility: download.VisibleAll}, nil, v, f.now)
			if err != nil {
				t.Fatal(err)
			}
			ids[i] = file.ID
		}
		typeOf := func(fileID int64) string {
			t.Helper()
			vs, err := download.Versions(f.ctx, d, f.ta, fileID)
			if err != nil || len(vs) != 1 {
				t.Fatalf("versions of %d: %v %v", fileID, vs, err)
			}
			return vs[0].Type
		}
		n, err := download.RefreshTypes(f.ctx, d, store)
		if err != nil || n != 4 {
			t.Fatalf("RefreshTypes changed %d (%v), want 4", n, err)
		}
		for i, c := range cases {
			if got := typeOf(ids[i]); got != c.want {
				t.Errorf("%s: %q, want %q", c.name, got, c.want)
			}
		}
		if _, err := d.Exec(f.ctx, `UPDATE download_versions SET content_type = 'application/zip' WHERE file_id = ?`, ids[0]); err != nil {
			t.Fatal(err)
		}
		if n, err := download.RefreshTypes(f.ctx, d, store); err != nil || n != 0 || typeOf(ids[0]) != "application/zip" {
			t.Fatalf("second run changed %d (%v)", n, err)
		}
	})
}
