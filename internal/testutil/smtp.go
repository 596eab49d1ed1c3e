package testutil

import (
	"bytes"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// SMTPServer is a real SMTP server on 127.0.0.1 that keeps what it receives.
// It needs no authentication but accepts AUTH PLAIN with any credentials.
type SMTPServer struct {
	Addr string // host:port the server listens on

	mu   sync.Mutex
	msgs []Received
}

// Received is one delivered message. Subject, Text, HTML and MessageID are
// parsed from Data with github.com/emersion/go-message; Text and HTML are the
// decoded text/plain and text/html parts (the first of each).
type Received struct {
	From                string   // envelope sender (MAIL FROM)
	To                  []string // envelope recipients (RCPT TO)
	User                string   // AUTH PLAIN username, "" without auth
	Data                []byte   // raw message as received
	Subject, Text, HTML string   // Text/HTML: decoded, trailing line breaks trimmed
	MessageID           string   // without angle brackets
}

// StartSMTP starts a server on 127.0.0.1:0; t.Cleanup closes it.
func StartSMTP(t testing.TB) *SMTPServer {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("testutil: smtp listen: %v", err)
	}
	s := &SMTPServer{Addr: l.Addr().String()}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &smtpSession{srv: s}, nil
	}))
	srv.Domain, srv.AllowInsecureAuth = "127.0.0.1", true
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	done := make(chan struct{})
	go func() { defer close(done); _ = srv.Serve(l) }() // returns nil after Close
	t.Cleanup(func() {
		_ = srv.Close()
		_ = l.Close() // Close misses l if Serve has not registered it yet
		<-done
	})
	return s
}

// URL returns a mail.NewSMTP URL pointing at the server, without TLS.
func (s *SMTPServer) URL() string {
	return "smtp://" + s.Addr + "?tls=none&from=portal@pforte.test"
}

// Messages returns a copy of the messages received so far.
func (s *SMTPServer) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

// WaitFor polls until at least n messages arrived and returns them; it fails
// the test when timeout passes first.
func (s *SMTPServer) WaitFor(t testing.TB, n int, timeout time.Duration) []Received {
	t.Helper()
	for deadline := time.Now().Add(timeout); ; time.Sleep(10 * time.Millisecond) {
		msgs := s.Messages()
		if len(msgs) >= n {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("testutil: got %d SMTP messages, want %d within %v", len(msgs), n, timeout)
		}
	}
}

// smtpSession collects one SMTP transaction at a time.
type smtpSession struct {
	srv        *SMTPServer
	user, from string
	to         []string
}

func (ss *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *smtpSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, _ string) error { ss.user = user; return nil }), nil
}

func (ss *smtpSession) Mail(from string, _ *smtp.MailOptions) error { ss.from = from; return nil }

func (ss *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

func (ss *smtpSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	rec := parseReceived(data)
	rec.From, rec.To, rec.User = ss.from, append([]string(nil), ss.to...), ss.user
	ss.srv.mu.Lock()
	defer ss.srv.mu.Unlock()
	ss.srv.msgs = append(ss.srv.msgs, rec)
	return nil
}

func (ss *smtpSession) Reset()        { ss.from, ss.to = "", nil }
func (ss *smtpSession) Logout() error { return nil }

// parseReceived fills the parsed fields of a Received; whatever fails to parse
// stays empty (the raw Data is always kept).
func parseReceived(data []byte) Received {
	rec := Received{Data: data}
	mr, err := mail.CreateReader(bytes.NewReader(data))
	if err != nil {
		return rec
	}
	defer mr.Close()
	rec.Subject, _ = mr.Header.Subject()
	rec.MessageID, _ = mr.Header.MessageID()
	for {
		p, err := mr.NextPart()
		if err != nil {
			return rec
		}
		dst := map[string]*string{"text/plain": &rec.Text, "text/html": &rec.HTML}
		if h, ok := p.Header.(*mail.InlineHeader); ok {
			ct, _, _ := h.ContentType()
			if d := dst[ct]; d != nil && *d == "" {
				b, _ := io.ReadAll(p.Body)
				*d = strings.TrimRight(string(b), "\r\n")
			}
		}
	}
}
