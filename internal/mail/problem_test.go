package mail_test

import (
	"context"
	"errors"
	"io"
	"net"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"pforte/internal/mail"
	"pforte/internal/testutil"
)

// strictBackend is an SMTP server that refuses the login "wrong" and the recipient
// "nobody@example.com", as a real provider's server does.
type strictBackend struct{}

func (strictBackend) NewSession(*smtp.Conn) (smtp.Session, error) { return &strictSession{}, nil }

type strictSession struct{}

func (*strictSession) AuthMechanisms() []string { return []string{sasl.Plain} }
func (*strictSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, _ string) error {
		if user == "wrong" {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		return nil
	}), nil
}
func (*strictSession) Mail(string, *smtp.MailOptions) error { return nil }
func (*strictSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if to == "nobody@example.com" {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"}
	}
	return nil
}
func (*strictSession) Data(r io.Reader) error { _, err := io.Copy(io.Discard, r); return err }
func (*strictSession) Reset()                 {}
func (*strictSession) Logout() error          { return nil }

func startStrict(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := smtp.NewServer(strictBackend{})
	srv.Domain, srv.AllowInsecureAuth = "127.0.0.1", true
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return l.Addr().String()
}

// TestProblemOf: each way a test mail fails is sorted into the problem the back office
// names (instead of quoting the error with its hosts and ports).
func TestProblemOf(t *testing.T) {
	plain := testutil.StartSMTP(t).Addr
	strict := startStrict(t)
	closed := func() string { // a port nothing listens on any more
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return l.Addr().String()
	}()
	silent, err := net.Listen("tcp", "127.0.0.1:0") // takes the connection, never greets
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { silent.Close() })
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
		}
	}()
	for _, c := range []struct {
		name, url, to string
		want          mail.Problem
	}{
		{"refused", "smtp://" + closed + "?tls=none", "a@example.com", mail.ProblemConnect},
		{"unknown host", "smtp://mail.invalid:25?tls=none", "a@example.com", mail.ProblemConnect},
		{"silent", "smtp://" + silent.Addr().String() + "?tls=none", "a@example.com", mail.ProblemTimeout},
		{"no starttls", "smtp://" + plain + "?tls=starttls", "a@example.com", mail.ProblemTLS},
		{"not tls", "smtps://" + plain, "a@example.com", mail.ProblemTLS},
		{"login", "smtp://wrong:pw@" + strict + "?tls=none", "a@example.com", mail.ProblemLogin},
		{"recipient", "smtp://right:pw@" + strict + "?tls=none", "nobody@example.com", mail.ProblemRefused},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := mail.NewSMTP(c.url)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			m := sample("problem@pforte.local")
			m.To = c.to
			_, err = s.Send(ctx, m)
			if got := mail.ProblemOf(err); got != c.want {
				t.Errorf("%v: problem %q, want %q", err, got, c.want)
			}
		})
	}
	if got := mail.ProblemOf(errors.New("disk full")); got != mail.ProblemOther {
		t.Errorf("other error: %q", got)
	}
	if got := mail.ProblemOf(nil); got != "" {
		t.Errorf("no error: %q", got)
	}
}
