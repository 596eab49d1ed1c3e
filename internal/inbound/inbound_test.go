package inbound

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// rig is a running listener with two tenants: A at support@a.test, B at help@b.test.
type rig struct {
	t     *testing.T
	db    *db.DB
	files *filestore.Store
	l     *Listener
	a, b  tenant.Tenant
	log   *syncBuffer

	mu   sync.Mutex
	last Delivery // what the router last saw
	fail error    // what the router returns instead of routing, when set
}

func startRig(t *testing.T, e db.Engine, addr string, opts ...func(*Listener)) *rig {
	t.Helper()
	ctx, now := context.Background(), time.Now()
	d := testutil.Open(t, e)
	fs, err := filestore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, db: d, files: fs, log: &syncBuffer{}}
	if r.a, err = tenant.Create(ctx, d, "A", "de", tenant.Modules, now); err != nil {
		t.Fatal(err)
	}
	if r.b, err = tenant.Create(ctx, d, "B", "en", tenant.Modules, now); err != nil {
		t.Fatal(err)
	}
	must(t, tenant.SetSupportAddresses(ctx, d, r.a.ID, []string{"support@a.test"}, now))
	must(t, tenant.SetSupportAddresses(ctx, d, r.b.ID, []string{"help@b.test"}, now))
	if _, err := company.Create(ctx, d, company.Company{TenantID: r.a.ID, Name: "Example GmbH", EmailDomains: "example.com"}, now); err != nil {
		t.Fatal(err)
	}
	r.l = &Listener{DB: d, Files: fs, MaxBytes: 64 << 10, Log: slog.New(slog.NewTextHandler(r.log, nil)),
		Router: RouterFunc(func(ctx context.Context, tx db.Querier, dl Delivery) (Outcome, error) {
			r.mu.Lock()
			r.last = dl
			fail := r.fail
			r.mu.Unlock()
			if fail != nil {
				return Outcome{}, fail
			}
			return InboxRouter{}.Route(ctx, tx, dl)
		})}
	for _, o := range opts {
		o(r.l)
	}
	must(t, r.l.Listen(addr))
	done := make(chan error, 1)
	go func() { done <- r.l.Serve() }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := r.l.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return r
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// send delivers raw from from to rcpts and returns the error of the first refused
// command (RCPT or DATA), nil when all was taken.
func (r *rig) send(from string, rcpts []string, raw string) error {
	r.t.Helper()
	conn, err := net.Dial(r.l.Addr().Network(), r.l.Addr().String())
	if err != nil {
		r.t.Fatal(err)
	}
	var c *smtp.Client
	if r.l.LMTP() {
		c = smtp.NewClientLMTP(conn)
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	must(r.t, c.Hello("client.test"))
	must(r.t, c.Mail(from, nil))
	for _, to := range rcpts {
		if err := c.Rcpt(to, nil); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, strings.NewReader(strings.ReplaceAll(raw, "\n", "\r\n"))); err != nil {
		return err
	}
	if r.l.LMTP() {
		_, err = w.CloseWithLMTPResponse()
		var le smtp.LMTPDataError
		if errors.As(err, &le) {
			for _, e := range le {
				return e
			}
		}
	} else {
		err = w.Close()
	}
	if err != nil {
		return err
	}
	return c.Quit()
}

// code returns the SMTP reply code of err (0 for nil or a non-SMTP error).
func code(err error) int {
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}

// records returns tenant's inbound_mails, newest first.
func (r *rig) records(t tenant.Tenant) []Record {
	r.t.Helper()
	list, err := Recent(context.Background(), r.db, t.ID, 50)
	must(r.t, err)
	return list
}

func (r *rig) mailItems(t tenant.Tenant) []inbox.Item {
	r.t.Helper()
	list, err := inbox.List(context.Background(), r.db, t.ID, inbox.Filter{Kind: inbox.KindMail})
	must(r.t, err)
	return list
}

const goodMail = `From: Erika Mustermann <erika@example.com>
To: support+tok123@a.test
Subject: =?UTF-8?Q?Drucker_im_B=C3=BCro?=
Message-ID: <m1@example.com>
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain; charset=utf-8

Der Drucker im zweiten Stock druckt nicht.

Am 01.06.2025 um 09:00 schrieb Support <support@a.test>:
> Wie koennen wir helfen?
--B
Content-Type: application/pdf
Content-Disposition: attachment; filename*=UTF-8''Fehler%C3%BCbersicht.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcOkw7zDtsOfCg==
--B--
`

func TestListener(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		for _, mode := range []string{"127.0.0.1:0", "lmtp://127.0.0.1:0"} {
			t.Run(mode, func(t *testing.T) { listenerCases(t, startRig(t, e, mode)) })
		}
	})
}

func listenerCases(t *testing.T, r *rig) {
	// A good mail to a reply address lands in the inbox with its token, text and file.
	must(t, r.send("erika@example.com", []string{"Support+tok123@A.test"}, goodMail))
	items := r.mailItems(r.a)
	if len(items) != 1 {
		t.Fatalf("%d mail items, want 1", len(items))
	}
	var p inbox.MailPayload
	must(t, items[0].Decode(&p))
	if items[0].Title != "Drucker im Büro" || items[0].Email != "erika@example.com" || items[0].SuggestedCompanyID == 0 {
		t.Errorf("item %+v", items[0])
	}
	if p.Text != "Der Drucker im zweiten Stock druckt nicht." || !strings.Contains(p.Full, "Wie koennen") {
		t.Errorf("text %q full %q", p.Text, p.Full)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Name != "Fehlerübersicht.pdf" || p.Attachments[0].Type != "application/pdf" {
		t.Fatalf("attachments %+v", p.Attachments)
	}
	if got := read(t, r.files, p.Attachments[0].Key); !strings.HasPrefix(got, "%PDF-1.4") {
		t.Errorf("attachment content %q", got)
	}
	if raw := read(t, r.files, p.RawKey); !strings.Contains(raw, "Subject: =?UTF-8?Q?Drucker") || !strings.Contains(raw, "\r\n") {
		t.Errorf("raw message not kept as received: %q", raw)
	}
	if r.last.Token != "tok123" || r.last.Support != "support@a.test" || r.last.Rcpt != "support+tok123@a.test" ||
		r.last.TenantID != r.a.ID || r.last.MailID != p.MailID || r.last.MailFrom != "erika@example.com" {
		t.Errorf("delivery %+v", r.last)
	}
	recs := r.records(r.a)
	if len(recs) != 1 || recs[0].Outcome != "inbox" || recs[0].RawKey != p.RawKey || recs[0].MessageID != "m1@example.com" ||
		recs[0].Sender != "erika@example.com" || recs[0].Subject != "Drucker im Büro" {
		t.Errorf("records %+v", recs)
	}

	// The same mail again (a retry) is taken but not routed twice.
	must(t, r.send("erika@example.com", []string{"support@a.test"}, goodMail))
	if n := len(r.mailItems(r.a)); n != 1 {
		t.Errorf("duplicate made %d items", n)
	}
	if recs := r.records(r.a); recs[0].Outcome != OutcomeDuplicate {
		t.Errorf("duplicate recorded as %q", recs[0].Outcome)
	}

	// Unknown recipients are refused at RCPT time.
	err := r.send("x@example.com", []string{"nobody@a.test"}, "From: x@example.com\n\nhi\n")
	var se *smtp.SMTPError
	if !errors.As(err, &se) || se.Code != 550 || se.EnhancedCode != (smtp.EnhancedCode{5, 1, 1}) {
		t.Errorf("unknown recipient: %v", err)
	}

	// Oversized mail gets 552 and is recorded.
	big := "From: x@example.com\nSubject: big\nMessage-ID: <big@x>\n\n" + strings.Repeat("0123456789abcdef\n", 5000)
	if err := r.send("x@example.com", []string{"support@a.test"}, big); code(err) != 552 {
		t.Errorf("oversized: %v", err)
	}
	if recs := r.records(r.a); recs[0].Outcome != OutcomeRejected || !strings.Contains(recs[0].Reason, "limit") {
		t.Errorf("oversized recorded as %+v", recs[0])
	}

	// Malformed mail is refused with a 5xx, logged and recorded with its raw message.
	err = r.send("x@example.com", []string{"support@a.test"}, "Subject: no sender\nMessage-ID: <bad@x>\n\nbody\n")
	if c := code(err); c < 500 || c > 599 || !strings.Contains(err.Error(), "Malformed") {
		t.Errorf("malformed: %v", err)
	}
	rec := r.records(r.a)[0]
	if rec.Outcome != OutcomeRejected || !strings.Contains(rec.Reason, "From") || rec.RawKey == "" {
		t.Errorf("malformed recorded as %+v", rec)
	}
	if !strings.Contains(r.log.String(), "inbound mail rejected") {
		t.Error("rejection not logged")
	}
	// Truly broken MIME (a multipart without boundary) is refused; one that only lacks
	// its closing boundary is taken (see mailin).
	broken := "From: x@example.com\nContent-Type: multipart/mixed\n\n--B\nContent-Type: text/plain\n\ncut off"
	if err := r.send("x@example.com", []string{"support@a.test"}, broken); code(err) != 550 {
		t.Errorf("broken MIME: %v", err)
	}

	// One mail to two tenants reaches both.
	two := "From: x@example.com\nSubject: both\nMessage-ID: <two@x>\n\nhello both\n"
	must(t, r.send("x@example.com", []string{"support@a.test", "help@b.test"}, two))
	if a, b := r.mailItems(r.a), r.mailItems(r.b); len(a) != 2 || len(b) != 1 || b[0].Title != "both" {
		t.Errorf("two tenants: %d and %d items", len(a), len(b))
	}

	// A bounce (null sender) is marked automatic.
	bounce := "From: MAILER-DAEMON@mx.example.com\nSubject: Undelivered\nMessage-ID: <bounce@x>\n\nfailed\n"
	must(t, r.send("", []string{"support@a.test"}, bounce))
	if !r.last.Message.Auto || r.last.MailFrom != "" {
		t.Errorf("bounce not automatic: %+v", r.last.Message)
	}

	// A temporary router failure is a 451 and leaves nothing behind but the record.
	r.mu.Lock()
	r.fail = errors.New("database is down")
	r.mu.Unlock()
	before := len(r.mailItems(r.a))
	if err := r.send("x@example.com", []string{"support@a.test"}, "From: x@example.com\nMessage-ID: <t@x>\n\nhi\n"); code(err) != 451 {
		t.Errorf("temporary failure: %v", err)
	}
	if rec := r.records(r.a)[0]; rec.Outcome != OutcomeDeferred || rec.RawKey != "" || len(r.mailItems(r.a)) != before {
		t.Errorf("deferred recorded as %+v", rec)
	}
	// A rejection by the router is a 550 with its reason.
	r.mu.Lock()
	r.fail = &Rejection{Reason: "Closed ticket"}
	r.mu.Unlock()
	err = r.send("x@example.com", []string{"support@a.test"}, "From: x@example.com\nMessage-ID: <t@x>\n\nhi\n")
	if code(err) != 550 || !strings.Contains(err.Error(), "Closed ticket") {
		t.Errorf("router rejection: %v", err)
	}
	r.mu.Lock()
	r.fail = nil
	r.mu.Unlock()
	// After the failures the same Message-ID still gets through.
	must(t, r.send("x@example.com", []string{"support@a.test"}, "From: x@example.com\nMessage-ID: <t@x>\n\nhi\n"))
	if n := len(r.mailItems(r.a)); n != before+1 {
		t.Errorf("retry after failure: %d items, want %d", n, before+1)
	}
}

func TestListenerUnixSocket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		sock := filepath.Join(t.TempDir(), "lmtp.sock")
		r := startRig(t, e, "lmtp:"+sock)
		must(t, r.send("erika@example.com", []string{"support@a.test"}, goodMail))
		if n := len(r.mailItems(r.a)); n != 1 {
			t.Errorf("%d items over the unix socket", n)
		}
	})
}

func read(t *testing.T, fs *filestore.Store, key string) string {
	t.Helper()
	f, err := fs.Open(key)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return string(b)
}

// syncBuffer is a log sink several goroutines write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
