package web

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"pforte/internal/filestore"
	"pforte/internal/i18n"
)

// Contents for the upload checks: a Windows program, a PNG, a PDF.
var (
	checkPE  = append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 200)...)
	checkPNG = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1}, 200)...)
	checkPDF = []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
)

type checkFile struct {
	name string
	data []byte
}

// TestSaveUploadsContent: a file whose content contradicts its name is refused with a
// message naming it and what it really is, in the user's language, and is not stored;
// the files chosen with it are saved and returned for the refused form to keep. A
// program passes under a program's name, as in the download area.
func TestSaveUploadsContent(t *testing.T) {
	for _, c := range []struct {
		name     string
		lang     string
		files    []checkFile
		id, text string   // the field error, "" for none
		kept     []string // the files returned, with their types
		types    []string
	}{
		{"program as PDF", "en", []checkFile{{"report.pdf", checkPE}, {"foto.png", checkPNG}}, "upload_check.mismatch",
			"report.pdf is not a real PDF file (its content is a Windows program). Choose the right file or rename it.",
			[]string{"foto.png"}, []string{"image/png"}},
		{"PNG as JPEG, German", "de", []checkFile{{"a.pdf", checkPDF}, {"bild.jpg", checkPNG}}, "upload_check.mismatch",
			"bild.jpg ist keine echte JPG-Datei (der Inhalt ist ein Bild im Format PNG). Bitte wählen Sie die richtige Datei oder benennen Sie sie um.",
			[]string{"a.pdf"}, []string{"application/pdf"}},
		{"text as PDF", "en", []checkFile{{"notes.pdf", []byte("just some words\n")}}, "upload_check.mismatch",
			"notes.pdf is not a real PDF file (its content is plain text). Choose the right file or rename it.", nil, nil},
		{"program under a text name", "en", []checkFile{{"liesmich.txt", checkPE}, {"a.pdf", checkPDF}}, "upload_check.program",
			"liesmich.txt is a Windows program. A program is attached only under a program's name (.exe, .dll, .so, .bin …), so nobody opens it taking it for a document. Choose the right file or rename it.",
			[]string{"a.pdf"}, []string{"application/pdf"}},
		{"program without extension", "fr", []checkFile{{"outil", checkPE}}, "upload_check.program",
			"outil est un programme Windows. Un programme n’est joint que sous un nom de programme (.exe, .dll, .so, .bin …), afin que personne ne l’ouvre en le prenant pour un document. Choisissez le bon fichier ou renommez-le.",
			nil, nil},
		{"program as .exe", "en", []checkFile{{"setup.exe", checkPE}, {"a.pdf", checkPDF}}, "", "",
			[]string{"setup.exe", "a.pdf"}, []string{filestore.TypeWindowsProgram, "application/pdf"}},
		{"unchecked names pass", "en", []checkFile{{"daten.csv", []byte("a;b\n1;2\n")}, {"x.bin", checkPNG}}, "", "",
			[]string{"daten.csv", "x.bin"}, []string{"text/plain; charset=utf-8", "image/png"}},
		{"two contradicting", "en", []checkFile{{"a.pdf", checkPNG}, {"b.png", checkPDF}, {"c.pdf", checkPDF}}, "upload_check.files_mismatch",
			"Not attached, as their content does not match their names: a.pdf, b.png. Choose the right files or rename them.",
			[]string{"c.pdf"}, []string{"application/pdf"}},
		{"contradicting and empty", "en", []checkFile{{"a.pdf", checkPNG}, {"leer.txt", nil}, {"c.pdf", checkPDF}}, "upload_check.files_refused",
			"Not attached, as they are empty, larger than 1 MB or their content does not match their names: a.pdf, leer.txt.",
			[]string{"c.pdf"}, []string{"application/pdf"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			store, err := filestore.New(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			e := &Env{Files: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			r := multipartRequest(t, c.files)
			ctx := i18n.With(context.Background(), i18n.For(c.lang))
			r = r.WithContext(ctx)
			f := ParseMultipart(httptest.NewRecorder(), r, 1<<20)
			ups := e.SaveUploads(r, &f, "files", 1<<20)
			if m := f.Errors["files"]; m.ID != c.id || f.Error(ctx, "files") != c.text {
				t.Errorf("field error %q: %q", m.ID, f.Error(ctx, "files"))
			}
			if c.id != "" && !RefusedFiles(f.Errors["files"]) {
				t.Errorf("%s does not keep the other files", c.id)
			}
			var names, types []string
			for _, u := range ups {
				names, types = append(names, u.Filename), append(types, u.Type)
			}
			if !slices.Equal(names, c.kept) || !slices.Equal(types, c.types) {
				t.Errorf("returned %v %v, want %v %v", names, types, c.kept, c.types)
			}
			if n := storedCount(t, store.Dir); n != len(c.kept) {
				t.Errorf("%d files stored, want %d: a refused one stayed", n, len(c.kept))
			}
		})
	}
}

// TestServeFileContradicting: a stored file whose content contradicts its name (a
// mail's attachment, which is never refused) goes out as plain bytes, so no browser
// names or opens it after its type; others keep their type. Always as an attachment.
func TestServeFileContradicting(t *testing.T) {
	store, err := filestore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{Files: store}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"rechnung", checkPE, "application/octet-stream"},
		{"rechnung.pdf", checkPE, "application/octet-stream"},
		{"foto.jpg", checkPNG, "application/octet-stream"},
		{"setup.exe", checkPE, filestore.TypeWindowsProgram},
		{"foto.png", checkPNG, "image/png"},
		{"seite.html", []byte("<html><script>alert(1)</script>"), "text/html; charset=utf-8"},
	} {
		st, err := store.Put(bytes.NewReader(c.data), 0)
		if err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		e.ServeFile(w, httptest.NewRequest("GET", "/f", nil), st.Key, c.name, st.Type, time.Time{})
		h := w.Result().Header
		if h.Get("Content-Type") != c.want || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("Content-Disposition") != filestore.Disposition(c.name) || h.Get("Content-Security-Policy") != fileCSP {
			t.Errorf("%s (%s): %v", c.name, st.Type, h)
		}
	}
}

// multipartRequest is a browser's post of files in the field "files".
func multipartRequest(t *testing.T, files []checkFile) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range files {
		fw, err := mw.CreateFormFile("files", f.name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(f.data)
	}
	mw.Close()
	r := httptest.NewRequest("POST", "/tickets", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

// storedCount counts the files in the store's directory.
func storedCount(t *testing.T, dir string) (n int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
