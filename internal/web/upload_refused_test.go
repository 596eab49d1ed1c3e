package web

import (
	"bytes"
	"mime/multipart"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// TestParseMultipartRefusedKeepsIDs: a multipart form refused before its files are
// read still carries the ids of the files a refused form kept (listed above the file
// input, so sent before it), for the form shown again: when it is too large, when it
// breaks off in a later part, and when another field holds text that cannot be stored
// (that field alone is left out). The error of the last two says the files just chosen
// were not kept.
func TestParseMultipartRefusedKeepsIDs(t *testing.T) {
	const limit = 1 << 20
	form := func(title string, file []byte, broken bool) (*bytes.Buffer, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("body", "Seit Montag")
		mw.WriteField("title", title)
		mw.WriteField("staged", "7")
		mw.WriteField("staged", "9")
		mw.WriteField("staged_remove", "9")
		fw, _ := mw.CreateFormFile("files", "foto.png")
		fw.Write(file)
		if broken { // the body ends inside the file's part
			return &body, mw.FormDataContentType()
		}
		mw.Close()
		return &body, mw.FormDataContentType()
	}
	for _, c := range []struct {
		name, title string
		file        []byte
		broken      bool
		err         string
		kept        []string
	}{
		{"too large", "Drucker", make([]byte, limit*MaxFiles+MaxFormBytes+1), false, "error.upload_too_large", []string{"body", "title"}},
		{"broken off", "Drucker", []byte("\x89PNG"), true, "kept_files.form_unreadable", []string{"body", "title"}},
		{"text with NUL", "Dru\x00cker", []byte("\x89PNG"), false, "kept_files.form_unreadable", []string{"body"}},
	} {
		body, ct := form(c.title, c.file, c.broken)
		r := httptest.NewRequest("POST", "/tickets", body)
		r.Header.Set("Content-Type", ct)
		f := ParseMultipart(httptest.NewRecorder(), r, limit)
		if f.Err != c.err {
			t.Errorf("%s: Err = %q, want %q", c.name, f.Err, c.err)
		}
		if !slices.Equal(f.Values["staged"], []string{"7", "9"}) || !slices.Equal(f.Values["staged_remove"], []string{"9"}) {
			t.Errorf("%s: kept ids lost: %v", c.name, f.Values)
		}
		var fields []string
		for _, name := range []string{"body", "title"} {
			if f.Values.Has(name) {
				fields = append(fields, name)
			}
		}
		if !slices.Equal(fields, c.kept) || f.Raw("body") != "Seit Montag" || strings.ContainsRune(f.Raw("title"), 0) {
			t.Errorf("%s: text fields %v", c.name, f.Values)
		}
	}
}
