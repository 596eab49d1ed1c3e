package mailin

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse feeds Parse arbitrary bytes: it must never panic, must fail only with
// ErrTooLarge or ErrMalformed, and what it returns must be valid UTF-8 text that the
// limits allow. Run: go test -fuzz=FuzzParse ./internal/mailin/ -fuzztime=60s
func FuzzParse(f *testing.F) {
	f.Add(crlf(simple))
	f.Add([]byte("From: a@example.com\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/html\r\n\r\n<p>x<blockquote>y</blockquote>\r\n--B\r\nContent-Disposition: attachment; filename*=UTF-8''%C3%A4.txt\r\nContent-Transfer-Encoding: base64\r\n\r\nYWJj\r\n--B--\r\n"))
	f.Add([]byte("From: =?ISO-8859-1?Q?Andr=E9?= <a@b.c>\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9\r\n-- \r\nsig\r\n"))
	f.Add([]byte("From: a@b.c\n\nOn Mon, 2 Jun 2025 10:00 X wrote:\n> q\n"))
	f.Add([]byte("Authentication-Results: mx.example.net (c(nested)\\)) 1; dkim/1=pass reason=\"q\\\"x\" header.d=b.c header.b=ab==;\r\n spf=pass smtp.mailfrom=\"a b\"@b.c\r\nReceived: x\r\nAuthentication-Results: mx.example.net; dmarc=pass\r\nFrom: a@b.c\r\n\r\nx\r\n"))
	f.Add([]byte("From: a@b.c\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: multipart/related; boundary=I\r\n\r\n--I\r\nContent-Type: text/plain\r\n\r\nx\r\n--I\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJDRE\r\n--I--\r\n--B--\r\n"))
	f.Add([]byte("From: a@b.c\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B\r\nContent-Type: image/png; name=a.png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo"))
	f.Add([]byte("From: a@b.c\r\nSubject: =?iso-8859-1?q?=93x=94?=\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: application/pdf; name*0*=windows-1252''%93A%94; name*1=\" b.pdf\"\r\n\r\nPDF\r\n--B\r\nContent-Type: application/pdf; name=a b.pdf; name=c\r\nContent-Disposition: attachment; filename*=iso-8859-1''%FC.pdf\r\n\r\nPDF\r\n--B--\r\n"))
	lim := Limits{MaxBytes: 1 << 20, MaxParts: 50, MaxDepth: 5}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var m *Message
		var err error
		done := make(chan struct{})
		go func() { m, err = Parse(raw, lim); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("HANG on %q", raw)
		}
		if err != nil {
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrMalformed) {
				t.Fatalf("untyped error: %v", err)
			}
			return
		}
		for _, s := range []string{m.Text, m.Reply, m.HTML, m.Subject, m.From.Name, m.From.Address} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8: %q", s)
			}
		}
		if m.From.Address == "" {
			t.Fatal("parsed without a sender")
		}
		// The sender controls every Authentication-Results field: no input may panic the
		// evaluation or pass without saying by what.
		if v := Authenticate(m.AuthResults, "mx.example.net", m.From.Address); v.Pass && v.By == "" || len(m.AuthResults) > maxAuthFields {
			t.Fatalf("verdict %+v from %d fields", v, len(m.AuthResults))
		}
		if len(m.Attachments) > lim.MaxParts {
			t.Fatalf("%d attachments over the part limit", len(m.Attachments))
		}
		for _, a := range m.Attachments {
			if a.Filename == "" || !utf8.ValidString(a.Filename) {
				t.Fatalf("bad attachment name %q", a.Filename)
			}
		}
	})
}
