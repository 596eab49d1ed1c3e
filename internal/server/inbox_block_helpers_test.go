package server_test

import (
	"context"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// blockDesk is the desk tenant with outgoing mail to a real SMTP server, the support
// address support@desk.test on the inbound listener, an admin and an agent signed in.
type blockDesk struct {
	*desk
	smtp         *testutil.SMTPServer
	addr         string // the inbound listener
	admin, agent *apptest.Client
}

func newBlockDesk(t *testing.T, e db.Engine) *blockDesk {
	t.Helper()
	srv := testutil.StartSMTP(t)
	env := apptest.Start(t, e, apptest.Options{SMTPURL: srv.URL()})
	d := &desk{env: env}
	d.t = env.Tenant("Desk", "desk.test")
	d.a, d.b = env.Company(d.t, "Alpha GmbH"), env.Company(d.t, "Beta AG")
	d.alice = env.Contact(d.t, "alice@alpha.test", "alice-password", "main", d.a).ID
	d.admin = env.Staff(d.t, staff.RoleAdmin, "agent@desk.test", "agent-password")
	env.Staff(d.t, staff.RoleAgent, "helper@desk.test", "helper-password")
	ctx := context.Background()
	if err := tenant.SetSupportAddresses(ctx, env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.Exec(ctx, `UPDATE companies SET email_domains = 'alpha.test' WHERE id = ?`, d.a.ID); err != nil {
		t.Fatal(err)
	}
	b := &blockDesk{desk: d, smtp: srv, addr: env.ListenInbound()}
	b.admin = env.Client("desk.test")
	b.admin.AdminLogin("agent@desk.test", "agent-password")
	b.agent = env.Client("desk.test")
	b.agent.AdminLogin("helper@desk.test", "helper-password")
	return b
}

// send hands a plain mail to the listener with envelope sender envFrom and header From
// from; it returns the SMTP error (nil: taken).
func (b *blockDesk) send(envFrom, from, subject string) error {
	msg := "From: " + from + "\r\nTo: support@desk.test\r\nSubject: " + subject + "\r\nMessage-ID: <" +
		time.Now().Format("150405.000000000") + "@sender.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHallo\r\n"
	return smtp.SendMail(b.addr, nil, envFrom, []string{"support@desk.test"}, []byte(msg))
}

// mail sends a mail from addr and returns the inbox item it became.
func (b *blockDesk) mail(t *testing.T, addr, subject string) int64 {
	t.Helper()
	item := inboxMail(t, b.desk, b.addr, addr, "support@desk.test", subject, "Bitte um Rückruf.", "")
	if item == 0 {
		t.Fatalf("mail from %s is not in the inbox", addr)
	}
	return item
}

// refusedBlocked checks that a mail was refused for good as a blocked sender (550 5.7.1).
func refusedBlocked(t *testing.T, err error, what string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), "550") || !strings.Contains(err.Error(), "5.7.1") {
		t.Errorf("%s: %v, want 550 5.7.1", what, err)
	}
}

// item loads an inbox item of the desk.
func (b *blockDesk) item(t *testing.T, id int64) (inbox.Item, inbox.MailPayload) {
	t.Helper()
	it, err := inbox.Get(context.Background(), b.env.DB, b.t.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	var p inbox.MailPayload
	if err := it.Decode(&p); err != nil {
		t.Fatal(err)
	}
	return it, p
}
