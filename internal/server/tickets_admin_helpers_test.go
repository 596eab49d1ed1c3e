package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// helpdesk is a tenant with two companies, their contacts and staff, for the back
// office's ticket tests.
type helpdesk struct {
	env         *apptest.Env
	ten         tenant.Tenant
	acme, beta  company.Company
	anna, bernd contact.Contact // anna: main contact of Acme (English), bernd: user of Acme (German)
	clara       contact.Contact // main contact of Beta
	admin       staff.Member
	agent       staff.Member
	staffC      *apptest.Client // the admin, logged in
}

func newHelpdesk(t *testing.T, e db.Engine) *helpdesk {
	t.Helper()
	env := apptest.Start(t, e)
	h := &helpdesk{env: env, ten: env.Tenant("Service GmbH", "hd.test")}
	h.acme, h.beta = env.Company(h.ten, "Acme AG"), env.Company(h.ten, "Beta KG")
	h.anna = env.Contact(h.ten, "anna@acme.test", "anna-password-1", "main", h.acme)
	h.bernd = env.Contact(h.ten, "bernd@acme.test", "bernd-password-1", "user", h.acme)
	h.clara = env.Contact(h.ten, "clara@beta.test", "clara-password-1", "main", h.beta)
	ctx := context.Background()
	if err := contact.SetLanguage(ctx, env.DB, h.ten.ID, h.anna.ID, "en"); err != nil {
		t.Fatal(err)
	}
	if err := contact.SetLanguage(ctx, env.DB, h.ten.ID, h.bernd.ID, "de"); err != nil {
		t.Fatal(err)
	}
	h.admin = env.Staff(h.ten, staff.RoleAdmin, "admin@hd.test", "admin-password-1")
	h.agent = env.Staff(h.ten, staff.RoleAgent, "agent@hd.test", "agent-password-1")
	h.staffC = env.Client("hd.test")
	h.staffC.AdminLogin("admin@hd.test", "admin-password-1")
	return h
}

// open creates a ticket as the contact would from the portal; change adjusts the New.
func (h *helpdesk) open(t *testing.T, co company.Company, ct contact.Contact, title string, change ...func(*ticket.New)) int64 {
	t.Helper()
	return openTicket(t, h.env, h.ten.ID, co.ID, ct.ID, title, change...)
}

func openTicket(t *testing.T, env *apptest.Env, tenantID, companyID, contactID int64, title string, change ...func(*ticket.New)) int64 {
	t.Helper()
	n := ticket.New{TenantID: tenantID, CompanyID: companyID, ContactID: contactID, Author: "Contact", Title: title,
		Body: "Body of " + title, Priority: ticket.PriorityNormal}
	for _, c := range change {
		c(&n)
	}
	var id int64
	err := env.DB.InTx(context.Background(), func(tx *db.Tx) error {
		var err error
		id, err = ticket.Create(context.Background(), tx, n, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// withFile attaches a stored file to the ticket's first message.
func withFile(env *apptest.Env, name, content string) func(*ticket.New) {
	return func(n *ticket.New) {
		st, err := env.App.Env.Files.Put(strings.NewReader(content), 1<<20)
		if err != nil {
			panic(err)
		}
		n.Files = append(n.Files, ticket.Upload{Stored: st, Filename: name})
	}
}

// staffTicket loads a ticket as staff see it.
func staffTicket(t *testing.T, env *apptest.Env, tenantID, id int64) ticket.Detail {
	t.Helper()
	tk, err := ticket.ForStaff(context.Background(), env.DB, tenantID, id)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ticket.Load(context.Background(), env.DB, tk, true)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// statusID finds the tenant's status with a built-in code.
func statusID(t *testing.T, env *apptest.Env, tenantID int64, code string) int64 {
	t.Helper()
	s, err := ticket.StatusByCode(context.Background(), env.DB, tenantID, code)
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// mailsFor lists the queued or sent mails about a ticket: recipient, subject, text and
// HTML, one string each, for searching.
func mailsFor(t *testing.T, env *apptest.Env, ticketID int64) []string {
	t.Helper()
	rows, err := env.DB.Query(context.Background(), `SELECT to_addr, subject, text_body, html_body FROM mails
		WHERE ticket_id = ? ORDER BY id`, ticketID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var to, subject, text, html string
		if err := rows.Scan(&to, &subject, &text, &html); err != nil {
			t.Fatal(err)
		}
		out = append(out, "To: "+to+"\n"+subject+"\n"+text+"\n"+html)
	}
	return out
}

// allMailText is every mail of the installation, for "never anywhere" checks.
func allMailText(t *testing.T, env *apptest.Env) string {
	t.Helper()
	rows, err := env.DB.Query(context.Background(), `SELECT subject || text_body || html_body FROM mails`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		rows.Scan(&s)
		b.WriteString(s)
	}
	return b.String()
}

// change runs fn on ticket id in a transaction, as staff member by.
func (h *helpdesk) change(t *testing.T, id int64, fn func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error) {
	t.Helper()
	ctx := context.Background()
	err := h.env.DB.InTx(ctx, func(tx *db.Tx) error {
		tk, err := ticket.ForStaff(ctx, tx, h.ten.ID, id)
		if err != nil {
			return err
		}
		return fn(ctx, tx, tk, ticket.Actor{StaffID: h.admin.ID, Name: h.admin.Name})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// listed reports whether a queue page links to ticket id.
func listed(body string, id int64) bool {
	return strings.Contains(body, `href="/admin/tickets/`+itoa64(id)+`"`)
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
