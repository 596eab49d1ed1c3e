package ticket_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// notifyWorld is a tenant with a support address (so mails can be answered), the
// company Müller Haustechnik GmbH with Anna Müller (portal access) and Otto Ohne (a
// contact made from an inbound mail, no access), and two agents: Maria, who opens
// tickets for customers, and Bob, who hears of new tickets. Everyone reads English.
type notifyWorld struct {
	d          *db.DB
	ten        tenant.Tenant
	co         int64
	anna, otto int64
	maria, bob staff.Member
	now        time.Time
	origin     string
	seen       map[string]int64 // the newest mail id mailsTo has shown, by address
}

func newNotifyWorld(t *testing.T, d *db.DB, withSupport bool) *notifyWorld {
	t.Helper()
	ctx := context.Background()
	w := &notifyWorld{d: d, now: time.Date(2026, 4, 7, 9, 0, 0, 0, time.UTC), origin: "https://portal.test",
		seen: map[string]int64{}}
	var err error
	if w.ten, err = tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, w.now); err != nil {
		t.Fatal(err)
	}
	if withSupport {
		if err := tenant.SetSupportAddresses(ctx, d, w.ten.ID, []string{"support@service.test"}, w.now); err != nil {
			t.Fatal(err)
		}
	}
	co, err := company.Create(ctx, d, company.Company{TenantID: w.ten.ID, Name: "Müller Haustechnik GmbH"}, w.now)
	if err != nil {
		t.Fatal(err)
	}
	w.co = co.ID
	for _, p := range []struct {
		id           *int64
		first, last  string
		email, state string
	}{{&w.anna, "Anna", "Müller", "anna@mueller.test", contact.AccessActive},
		{&w.otto, "Otto", "Ohne", "otto@mueller.test", contact.AccessNone}} {
		c, err := contact.Create(ctx, d, contact.Contact{TenantID: w.ten.ID, FirstName: p.first, LastName: p.last,
			Email: p.email, Language: "en"}, i18n.Languages, w.now)
		if err != nil {
			t.Fatal(err)
		}
		m, err := contact.AddMembership(ctx, d, w.ten.ID, c.ID, w.co, "user", w.now)
		if err != nil {
			t.Fatal(err)
		}
		if err := contact.SetAccess(ctx, d, w.ten.ID, m, "user", p.state, w.now); err != nil {
			t.Fatal(err)
		}
		*p.id = c.ID
	}
	for _, p := range []struct {
		m     *staff.Member
		name  string
		email string
	}{{&w.maria, "Agent Maria", "maria@service.test"}, {&w.bob, "Bob Berger", "bob@service.test"}} {
		if *p.m, err = staff.Create(ctx, d, staff.Member{TenantID: w.ten.ID, Email: p.email, Name: p.name,
			Role: staff.RoleAgent, PasswordHash: "set", Language: "en"}, w.now); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// do runs fn with a notifier in one transaction, as the handlers do.
func (w *notifyWorld) do(t *testing.T, fn func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error) {
	t.Helper()
	ctx := context.Background()
	err := w.d.InTx(ctx, func(tx *db.Tx) error {
		n, err := ticket.NewNotifier(ctx, tx, w.ten, w.origin, w.now)
		if err != nil {
			return err
		}
		return fn(ctx, tx, n)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// create opens a ticket for contact (by staff member by, when set) and sends its mails.
func (w *notifyWorld) create(t *testing.T, contactID int64, by *staff.Member, title string) ticket.Ticket {
	t.Helper()
	n := ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: contactID, Title: title, Body: "The heating is cold."}
	if by != nil {
		n.StaffID, n.Author, n.Via = by.ID, by.Name, "staff"
	}
	var tk ticket.Ticket
	w.do(t, func(ctx context.Context, tx *db.Tx, nt ticket.Notifier) error {
		id, err := ticket.Create(ctx, tx, n, w.now)
		if err != nil {
			return err
		}
		if tk, err = ticket.ForStaff(ctx, tx, w.ten.ID, id); err != nil {
			return err
		}
		return nt.Created(ctx, tx, tk, n)
	})
	return tk
}

// sentMail is one queued mail as delivered: subject, text part and HTML part.
type sentMail struct{ Subject, Text, HTML string }

// mailsTo lists the mails queued to addr since the last call for addr, oldest first.
func (w *notifyWorld) mailsTo(t *testing.T, addr string) []sentMail {
	t.Helper()
	rows, err := w.d.Query(context.Background(), `SELECT id, subject, text_body, html_body FROM mails
		WHERE to_addr = ? AND id > ? ORDER BY id`, addr, w.seen[addr])
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []sentMail
	for rows.Next() {
		var m sentMail
		var id int64
		if err := rows.Scan(&id, &m.Subject, &m.Text, &m.HTML); err != nil {
			t.Fatal(err)
		}
		w.seen[addr] = id
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// one is the single mail to addr, failing the test when there is not exactly one.
func (w *notifyWorld) one(t *testing.T, addr, what string) sentMail {
	t.Helper()
	ms := w.mailsTo(t, addr)
	if len(ms) != 1 {
		t.Fatalf("%s: %d mails to %s, want 1: %+v", what, len(ms), addr, ms)
	}
	return ms[0]
}

// has reports the texts of s that are missing (want) or present (not) in the mail.
func has(t *testing.T, what string, m sentMail, want []string, not []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(m.Text, s) {
			t.Errorf("%s: text lacks %q:\n%s", what, s, m.Text)
		}
	}
	for _, s := range not {
		if strings.Contains(m.Text, s) || strings.Contains(m.HTML, s) {
			t.Errorf("%s: mail has %q:\n%s", what, s, m.Text)
		}
	}
}
