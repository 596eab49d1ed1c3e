package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestInboxCompanyAndTicket: a mail from a sender of no known company offers "Create
// company and ticket". A missing name is refused beside the field with everything
// typed kept and nothing created; the name of an existing company is asked about
// first, as on the company form; then the company is created (audited), the sender
// becomes its contact and the mail its ticket, and a second submission creates
// nothing more. A mistyped ticket number for "Add to ticket" names the ticket to
// confirm before anything happens.
func TestInboxCompanyAndTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		if err := tenant.SetSupportAddresses(ctx, d.env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		addr := d.env.ListenInbound()
		item := inboxMail(t, d, addr, "Greta Gamma <greta@gamma.test>", "support@desk.test", "Heizung defekt", "Die Heizung ist aus.", "")
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		path := "/admin/inbox/" + id(item)
		page := staff.Get(path).Body
		if !strings.Contains(page, `action="`+path+`/ticket-company#new-company"`) || !strings.Contains(page, `value="Greta"`) ||
			!strings.Contains(page, `value="Gamma"`) || !strings.Contains(page, `id="f-add_domain"`) {
			t.Fatalf("no company-and-ticket form with the sender's name: %.3000s", page[strings.Index(page, `id="sort-h"`):])
		}
		companies := count(t, d.env, `SELECT COUNT(*) FROM companies WHERE tenant_id = ?`, d.t.ID)

		r := staff.Post(path+"/ticket-company", url.Values{"company_name": {" "}, "first_name": {"Greta Maria"}, "last_name": {""}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-company_name"`) || !strings.Contains(r.Body, `id="e-last_name"`) ||
			!strings.Contains(r.Body, `value="Greta Maria"`) {
			t.Errorf("missing names: %d, both errors and the typed first name expected", r.Status)
		}
		r = staff.Post(path+"/ticket-company", url.Values{"company_name": {"Beta AG"}, "first_name": {"Greta"}, "last_name": {"Gamma"}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="f-same_name_ok"`) || !strings.Contains(r.Body, `href="/admin/companies/`+id(d.b.ID)+`"`) {
			t.Errorf("existing company name not asked about: %d", r.Status)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM companies WHERE tenant_id = ?`, d.t.ID); n != companies {
			t.Fatalf("a refused form created %d companies", n-companies)
		}

		r = staff.Post(path+"/ticket-company", url.Values{"company_name": {"Gamma Heizungsbau"}, "first_name": {"Greta"},
			"last_name": {"Gamma"}, "add_domain": {"1"}})
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/tickets/") {
			t.Fatalf("create company and ticket: %d %q %.500s", r.Status, r.Location, r.Body)
		}
		tid := strings.TrimPrefix(r.Location, "/admin/tickets/")
		var coID int64
		var domains string
		if err := d.env.DB.QueryRow(ctx, `SELECT id, email_domains FROM companies WHERE tenant_id = ? AND name = 'Gamma Heizungsbau'`,
			d.t.ID).Scan(&coID, &domains); err != nil || domains != "gamma.test" {
			t.Fatalf("company: %v, domains %q", err, domains)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM tickets t JOIN contacts c ON c.id = t.contact_id JOIN memberships m
			ON m.contact_id = c.id AND m.company_id = t.company_id
			WHERE t.id = ? AND t.company_id = ? AND t.title = 'Heizung defekt' AND c.email = 'greta@gamma.test' AND c.last_name = 'Gamma'`,
			tid, coID); n != 1 {
			t.Errorf("ticket of the new company's new contact: %d", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'company_created' AND target LIKE 'company:% Gamma Heizungsbau'`,
			d.t.ID); n != 1 {
			t.Errorf("company creation audited %d times", n)
		}
		if it, _ := inbox.Get(ctx, d.env.DB, d.t.ID, item); it.State != inbox.StateDone || it.CompanyID != coID {
			t.Errorf("item after: %+v", it)
		}
		r = staff.Post(path+"/ticket-company", url.Values{"company_name": {"Gamma Zwei"}, "first_name": {"Greta"}, "last_name": {"Gamma"}})
		if r.Status != 409 || count(t, d.env, `SELECT COUNT(*) FROM companies WHERE name = 'Gamma Zwei'`) != 0 {
			t.Errorf("second submission: %d", r.Status)
		}

		// A known sender's mail or one with a company chosen does not offer it.
		known := inboxMail(t, d, addr, "Bob <bob@beta.test>", "support@desk.test", "Frage", "Hallo", "")
		if known != 0 && strings.Contains(staff.Get("/admin/inbox/"+id(known)).Body, "/ticket-company") {
			t.Errorf("company-and-ticket offered for a known contact")
		}

		// Add to ticket: a number shows the ticket first; Cancel leads back.
		other := inboxMail(t, d, addr, "Dora <dora@delta.test>", "support@desk.test", "Zur Heizung", "Hausmeister", "")
		opath := "/admin/inbox/" + id(other)
		r = staff.Post(opath+"/attach", url.Values{"ticket_id": {tid}})
		if r.Status != 200 || !strings.Contains(r.Body, "Gamma Heizungsbau") || !strings.Contains(r.Body, "Heizung defekt") ||
			!strings.Contains(r.Body, `href="`+opath+`#attach"`) || !strings.Contains(r.Body, "#"+tid) {
			t.Fatalf("confirmation: %d", r.Status)
		}
		if it, _ := inbox.Get(ctx, d.env.DB, d.t.ID, other); !it.Open() {
			t.Fatalf("the item was handled before the confirmation")
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND internal`, tid); n != 0 {
			t.Fatalf("a note was added before the confirmation")
		}
	})
}
