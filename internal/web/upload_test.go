package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"pforte/internal/i18n"
)

// TestParseMultipartTooLarge: a body over the whole limit keeps the text fields sent
// before the file, and the error names the limits.
func TestParseMultipartTooLarge(t *testing.T) {
	const limit = 1 << 20
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("title", "Drucker druckt nicht")
	mw.WriteField("body", "Seit Montag\nzeigt er Fehler 42. ไทย עברית")
	fw, _ := mw.CreateFormFile("files", "video.mp4")
	fw.Write(make([]byte, limit*MaxFiles+MaxFormBytes+1))
	mw.WriteField("priority", "2") // after the file: lost, and that is fine
	mw.Close()
	r := httptest.NewRequest("POST", "/tickets", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())

	f := ParseMultipart(httptest.NewRecorder(), r, limit)
	if f.Err != "error.upload_too_large" {
		t.Fatalf("Err = %q", f.Err)
	}
	if f.Get("title") != "Drucker druckt nicht" || f.Raw("body") != "Seit Montag\nzeigt er Fehler 42. ไทย עברית" {
		t.Fatalf("text fields lost: %v", f.Values)
	}
	msg := f.ErrText(i18n.With(context.Background(), i18n.For("de")))
	if !strings.Contains(msg, "1 MB") || !strings.Contains(msg, "10 MB") {
		t.Fatalf("message without the limits: %q", msg)
	}
	if msg := f.ErrText(i18n.With(context.Background(), i18n.For("fr"))); !strings.Contains(msg, "1 Mo") {
		t.Fatalf("French message: %q", msg)
	}
}

// TestParseMultipartFits: a body within the limit reads as before.
func TestParseMultipartFits(t *testing.T) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("title", "Kurz")
	fw, _ := mw.CreateFormFile("files", "a.txt")
	fw.Write([]byte("hallo"))
	mw.Close()
	r := httptest.NewRequest("POST", "/tickets", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	f := ParseMultipart(httptest.NewRecorder(), r, 1<<20)
	if f.Err != "" || f.Get("title") != "Kurz" || len(r.MultipartForm.File["files"]) != 1 {
		t.Fatalf("form: %q %v", f.Err, f.Values)
	}
}
