package mail_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/mail"
	"pforte/internal/testutil"
)

func TestSMTPMultipartUTF8(t *testing.T) {
	srv := testutil.StartSMTP(t)
	s, err := mail.NewSMTP(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	m := sample("abc123@pforte.local")
	m.From = "" // falls back to the URL's from
	where, err := s.Send(context.Background(), m)
	if err != nil || where != "smtp" {
		t.Fatalf("Send = %q, %v", where, err)
	}
	got := srv.WaitFor(t, 1, 5*time.Second)[0]
	if got.From != "portal@pforte.test" || len(got.To) != 1 || got.To[0] != m.To {
		t.Errorf("envelope from %q to %v", got.From, got.To)
	}
	if got.User != "" {
		t.Errorf("unexpected AUTH as %q", got.User)
	}
	checkParsed(t, got.Data, m)
	if got.Subject != m.Subject || got.MessageID != m.MessageID {
		t.Errorf("subject %q id %q", got.Subject, got.MessageID)
	}
	if got.Text != norm(m.Text) || got.HTML != m.HTML {
		t.Errorf("text %q html %q", got.Text, got.HTML)
	}
}

func TestSMTPAuthPlain(t *testing.T) {
	srv := testutil.StartSMTP(t)
	s, err := mail.NewSMTP("smtp://user%40x:p%C3%A4ss@" + srv.Addr + "?tls=none")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Send(context.Background(), sample("auth1@pforte.local")); err != nil {
		t.Fatal(err)
	}
	if got := srv.WaitFor(t, 1, 5*time.Second)[0]; got.User != "user@x" {
		t.Errorf("AUTH user = %q", got.User)
	}
}

func TestSMTPCancelled(t *testing.T) {
	srv := testutil.StartSMTP(t)
	s, err := mail.NewSMTP(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Send(ctx, sample("c@pforte.local")); err == nil {
		t.Fatal("Send with cancelled ctx succeeded")
	}
}

func TestSMTPTLSRequired(t *testing.T) {
	srv := testutil.StartSMTP(t) // plaintext only: no STARTTLS, no implicit TLS
	for _, u := range []string{"smtp://" + srv.Addr + "?tls=starttls", "smtps://" + srv.Addr} {
		s, err := mail.NewSMTP(u)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if _, err := s.Send(ctx, sample("tls@pforte.local")); err == nil {
			t.Errorf("%s: Send succeeded without TLS", u)
		}
		cancel()
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("server got %d messages", n)
	}
}

// TestNewSMTPKeepsPasswordOut: a URL that does not parse is refused without quoting it,
// so its password reaches neither the log nor the outbox.
func TestNewSMTPKeepsPasswordOut(t *testing.T) {
	_, err := mail.NewSMTP("smtp://user:geheim%zz@mail.example.com:587")
	if err == nil || strings.Contains(err.Error(), "geheim") {
		t.Fatalf("err %v: want a refusal without the password", err)
	}
}
