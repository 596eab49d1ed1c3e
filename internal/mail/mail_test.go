package mail_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gmail "github.com/emersion/go-message/mail"

	"pforte/internal/mail"
)

func sample(id string) mail.Message {
	return mail.Message{
		From:      "Pforte Prüfstelle <portal@pforte.test>",
		To:        "juergen@example.com",
		Subject:   "Grüße aus Köln – Bestätigung",
		Text:      "Hallo Jürgen,\nbitte bestätige: äöüß ÄÖÜ €.",
		HTML:      "<p>Hallo Jürgen,</p><p>bitte bestätige: äöüß ÄÖÜ €.</p>",
		MessageID: id,
	}
}

func TestFileSender(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox")
	m := sample("x.y+1/%z@pforte.local")
	path, err := mail.NewFileSender(dir).Send(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "x.y+1__z@pforte.local.eml") {
		t.Errorf("path = %q", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkParsed(t, data, m)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("outbox has %d entries, want 1 (no temp files)", len(entries))
	}
}

func TestBuildRejects(t *testing.T) {
	for name, mod := range map[string]func(*mail.Message){
		"no id":      func(m *mail.Message) { m.MessageID = "" },
		"brackets":   func(m *mail.Message) { m.MessageID = "<a@b>" },
		"newline id": func(m *mail.Message) { m.MessageID = "a@b\r\nBcc: x@y" },
		"bad to":     func(m *mail.Message) { m.To = "not an address" },
		"no from":    func(m *mail.Message) { m.From = "" },
	} {
		m := sample("ok@pforte.local")
		mod(&m)
		if _, err := mail.Build(m); err == nil {
			t.Errorf("%s: Build succeeded", name)
		}
	}
}

func TestNewSMTPBadURLs(t *testing.T) {
	for _, u := range []string{
		"", "http://host:25", "smtp://", "smtp://:25", "smtp://host:0", "smtp://host:99999",
		"smtp://host:abc", "smtp://host?tls=maybe", "smtps://host?tls=starttls",
		"smtp://host?from=not-an-address", "smtp://host?colour=blue", "smtp://host/path",
		"::not a url",
	} {
		if _, err := mail.NewSMTP(u); err == nil {
			t.Errorf("NewSMTP(%q) succeeded", u)
		}
	}
	for _, u := range []string{
		"smtp://mail.example.com", "smtps://mail.example.com", "smtp://u:p@h:587?tls=starttls",
		"smtp://h:25?from=Portal%20%3Cportal@example.com%3E", "SMTP://h:465",
	} {
		if _, err := mail.NewSMTP(u); err != nil {
			t.Errorf("NewSMTP(%q): %v", u, err)
		}
	}
}

// norm converts LF to CRLF, as the message is transmitted with CRLF lines.
func norm(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// checkParsed parses raw as a mail and checks headers and both decoded parts.
func checkParsed(t *testing.T, raw []byte, m mail.Message) {
	t.Helper()
	mr, err := gmail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if ct, _, _ := mr.Header.ContentType(); ct != "multipart/alternative" {
		t.Errorf("Content-Type = %q", ct)
	}
	if id, _ := mr.Header.MessageID(); id != m.MessageID {
		t.Errorf("Message-ID = %q, want %q", id, m.MessageID)
	}
	if subj, _ := mr.Header.Subject(); subj != m.Subject {
		t.Errorf("Subject = %q", subj)
	}
	if _, err := mr.Header.Date(); err != nil {
		t.Errorf("Date: %v", err)
	}
	want := []struct{ ct, body string }{{"text/plain", norm(m.Text)}, {"text/html", m.HTML}}
	for i := 0; ; i++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			if i != len(want) {
				t.Errorf("got %d parts, want %d", i, len(want))
			}
			return
		}
		if err != nil || i >= len(want) {
			t.Fatalf("part %d: %v", i, err)
		}
		ct, params, _ := p.Header.(*gmail.InlineHeader).ContentType()
		body, _ := io.ReadAll(p.Body)
		if ct != want[i].ct || !strings.EqualFold(params["charset"], "utf-8") {
			t.Errorf("part %d: %s %v", i, ct, params)
		}
		if got := strings.TrimRight(string(body), "\r\n"); got != want[i].body {
			t.Errorf("part %d body = %q, want %q", i, got, want[i].body)
		}
	}
}
