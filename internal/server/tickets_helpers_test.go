package server_test

import (
	"context"
	"net/smtp"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// desk is a helpdesk world: company A with a main contact and two users, company B of
// the same tenant, and a staff admin who receives the staff mails.
type desk struct {
	env             *apptest.Env
	t               tenant.Tenant
	a, b            company.Company
	alice, uwe, ula int64 // alice main@A, uwe and ula users@A
	bob             int64 // main@B
	admin           staff.Member
}

func newDesk(t *testing.T, e db.Engine) *desk {
	env := apptest.Start(t, e)
	d := &desk{env: env}
	d.t = env.Tenant("Desk", "desk.test")
	d.a, d.b = env.Company(d.t, "Alpha GmbH"), env.Company(d.t, "Beta AG")
	d.alice = env.Contact(d.t, "alice@alpha.test", "alice-password", "main", d.a).ID
	d.uwe = env.Contact(d.t, "uwe@alpha.test", "uwe-password-1", "user", d.a).ID
	d.ula = env.Contact(d.t, "ula@alpha.test", "ula-password-1", "user", d.a).ID
	d.bob = env.Contact(d.t, "bob@beta.test", "bob-password-1", "main", d.b).ID
	d.admin = env.Staff(d.t, staff.RoleAdmin, "agent@desk.test", "agent-password")
	return d
}

// as returns a portal client logged in as email.
func (d *desk) as(email, pw string) *apptest.Client {
	c := d.env.Client("desk.test")
	c.Login(email, pw)
	return c
}

// open creates a ticket through the portal and returns its id.
func (d *desk) open(t *testing.T, c *apptest.Client, title string, files ...apptest.File) int64 {
	t.Helper()
	r := c.PostMultipart("/tickets", map[string]string{"title": title, "body": "Beschreibung von " + title, "priority": "2"}, files...)
	if r.Status != 303 || !strings.HasPrefix(r.Location, "/tickets/") {
		t.Fatalf("create ticket: %d %q %.400s", r.Status, r.Location, r.Body)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(r.Location, "/tickets/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// staffDo changes a ticket as staff in a transaction.
func (d *desk) staffDo(t *testing.T, id int64, fn func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error) {
	t.Helper()
	ctx := context.Background()
	err := d.env.DB.InTx(ctx, func(tx *db.Tx) error {
		tk, err := ticket.ForStaff(ctx, tx, d.t.ID, id)
		if err != nil {
			return err
		}
		return fn(ctx, tx, tk)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// mailsTo lists the subjects and text bodies of mails to addr.
func (d *desk) mailsTo(t *testing.T, addr string) []string {
	t.Helper()
	rows, err := d.env.DB.Query(context.Background(), `SELECT subject || ' ' || text_body FROM mails WHERE to_addr = ? ORDER BY id`, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

var staffActor = ticket.Actor{StaffID: 0, Name: "Agent"}

func now() time.Time { return time.Now() }

// mailDesk is a desk whose tenant takes mail for support@desk.test through the real
// SMTP listener, with alpha.test as company A's mail domain; send delivers one plain
// text mail (from may carry a display name: "Name <addr>").
func mailDesk(t *testing.T, e db.Engine) (*desk, func(from, to, headers, body string)) {
	d := newDesk(t, e)
	ctx := context.Background()
	if err := tenant.SetSupportAddresses(ctx, d.env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := d.env.DB.Exec(ctx, `UPDATE companies SET email_domains = 'alpha.test' WHERE id = ?`, d.a.ID); err != nil {
		t.Fatal(err)
	}
	addr := d.env.ListenInbound()
	send := func(from, to, headers, body string) {
		t.Helper()
		msg := "From: " + from + "\r\nTo: " + to + "\r\n" + headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body
		env := from
		if i := strings.IndexByte(from, '<'); i >= 0 {
			env = strings.Trim(from[i:], "<>")
		}
		if err := smtp.SendMail(addr, nil, env, []string{to}, []byte(msg)); err != nil {
			t.Fatalf("send from %s: %v", from, err)
		}
	}
	return d, send
}
