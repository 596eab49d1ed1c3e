package inbound_test

import (
	"context"
	"io"
	"log/slog"
	"net/smtp"
	"strings"
	"sync"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/inbound"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
	"pforte/internal/ticketmail"
)

// onceRig is two listeners of one tenant on one database, as two instances behind one
// MX: each routes with ticketmail after a pause, so that every copy of a mail sent at
// once has passed the early duplicate check before the first copy is routed.
type onceRig struct {
	db     *db.DB
	tenant tenant.Tenant
	addrs  []string
}

func startOnce(t *testing.T, e db.Engine) *onceRig {
	t.Helper()
	ctx, now := context.Background(), time.Now()
	d := testutil.Open(t, e)
	fs, err := filestore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	tn, err := tenant.Create(ctx, d, "A", "de", tenant.Modules, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := tenant.SetSupportAddresses(ctx, d, tn.ID, []string{"support@a.test"}, now); err != nil {
		t.Fatal(err)
	}
	if _, err := company.Create(ctx, d, company.Company{TenantID: tn.ID, Name: "Example GmbH", EmailDomains: "example.com"}, now); err != nil {
		t.Fatal(err)
	}
	r := &onceRig{db: d, tenant: tn}
	slow := inbound.RouterFunc(func(ctx context.Context, tx db.Querier, dl inbound.Delivery) (inbound.Outcome, error) {
		time.Sleep(150 * time.Millisecond)
		return ticketmail.Router{}.Route(ctx, tx, dl)
	})
	for range 2 {
		l := &inbound.Listener{DB: d, Files: fs, Router: slow, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		if err := l.Listen("127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- l.Serve() }()
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			l.Shutdown(ctx)
			<-done
		})
		r.addrs = append(r.addrs, l.Addr().String())
	}
	return r
}

// sendAtOnce hands raw to both listeners, copies times each, all at the same moment.
func (r *onceRig) sendAtOnce(t *testing.T, from, rcpt, raw string, copies int) {
	t.Helper()
	raw = strings.ReplaceAll(raw, "\n", "\r\n")
	var wg sync.WaitGroup
	errs := make(chan error, copies*len(r.addrs))
	start := make(chan struct{})
	for i := range copies * len(r.addrs) {
		wg.Go(func() {
			<-start
			errs <- smtp.SendMail(r.addrs[i%len(r.addrs)], nil, from, []string{rcpt}, []byte(raw))
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("a copy was not taken: %v", err)
		}
	}
}

// outcomes counts the tenant's inbound_mails records by outcome.
func (r *onceRig) outcomes(t *testing.T) map[string]int {
	t.Helper()
	recs, err := inbound.Recent(context.Background(), r.db, r.tenant.ID, 100)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, rec := range recs {
		n[rec.Outcome]++
	}
	return n
}

func (r *onceRig) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := r.db.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSameMailAtOnceRoutedOnce: one mail taken in by several listeners at the same
// moment (two instances, a sending server retrying while its first attempt is still
// routed) opens one ticket, and an answer arriving that way is one reply; every other
// copy is recorded as a duplicate and leaves nothing behind.
func TestSameMailAtOnceRoutedOnce(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		r := startOnce(t, e)
		ctx := context.Background()
		first := "From: Erika <erika@example.com>\nTo: support@a.test\nSubject: Drucker\nMessage-ID: <race-1@example.com>\n\nDer Drucker streikt.\n"
		r.sendAtOnce(t, "erika@example.com", "support@a.test", first, 3)
		if n := r.count(t, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, r.tenant.ID); n != 1 {
			t.Fatalf("%d tickets from one mail, want 1", n)
		}
		if got := r.outcomes(t); got["ticket"] != 1 || got[inbound.OutcomeDuplicate] != 5 || len(got) != 2 {
			t.Errorf("records %v, want 1 ticket and 5 duplicates", got)
		}
		if n := r.count(t, `SELECT COUNT(*) FROM contacts WHERE tenant_id = ?`, r.tenant.ID); n != 1 {
			t.Errorf("%d contacts made of one sender", n)
		}

		var id int64
		if err := r.db.QueryRow(ctx, `SELECT id FROM tickets WHERE tenant_id = ?`, r.tenant.ID).Scan(&id); err != nil {
			t.Fatal(err)
		}
		tk, err := ticket.ForStaff(ctx, r.db, r.tenant.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		to := "support+" + ticket.RecipientToken(tk, "erika@example.com") + "@a.test"
		answer := "From: Erika <erika@example.com>\nTo: " + to + "\nSubject: Re: Drucker\nMessage-ID: <race-2@example.com>\n\nGeht wieder.\n"
		r.sendAtOnce(t, "erika@example.com", to, answer, 3)
		if n := r.count(t, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND body LIKE '%Geht wieder%'`, id); n != 1 {
			t.Errorf("%d replies from one answer, want 1", n)
		}
		if got := r.outcomes(t); got["reply"] != 1 || got[inbound.OutcomeDuplicate] != 10 {
			t.Errorf("records %v, want 1 reply and 10 duplicates", got)
		}
		if n := r.count(t, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?`, id); n != 2 {
			t.Errorf("%d messages on the ticket, want 2", n)
		}
		items, err := inbox.List(ctx, r.db, r.tenant.ID, inbox.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 0 {
			t.Errorf("%d inbox items of a routed mail", len(items))
		}
	})
}

// TestForgetSenderKeepsRecordsDistinct: erasing a contact whose two addresses each sent
// a mail with the same Message-ID (both routed: the key holds the sender) leaves two
// records under one anonymous address, which must not collide in the index that keeps
// a Message-ID routed once per sender.
func TestForgetSenderKeepsRecordsDistinct(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		r := startOnce(t, e)
		ctx := context.Background()
		for _, addr := range []string{"erika@example.com", "erika@privat.test"} {
			if _, err := r.db.Exec(ctx, `INSERT INTO inbound_mails (tenant_id, received_at, mail_from, rcpt, sender, subject,
				message_id, outcome) VALUES (?, 0, ?, 'support@a.test', ?, 'Hallo', 'same@example.com', 'inbox')`,
				r.tenant.ID, addr, addr); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := inbound.ForgetSender(ctx, r.db, r.tenant.ID, []string{"erika@example.com", "erika@privat.test"},
			"deleted-1@invalid", "(removed)"); err != nil {
			t.Fatalf("forget: %v", err)
		}
		if n := r.count(t, `SELECT COUNT(*) FROM inbound_mails WHERE sender = 'deleted-1@invalid' AND message_id = ''`); n != 2 {
			t.Errorf("%d records forgotten, want 2", n)
		}
	})
}
