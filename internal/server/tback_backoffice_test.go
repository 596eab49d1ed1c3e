package server_test

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// agentClient signs the helpdesk world's agent in to the back office.
func (h *helpdesk) agentClient() *apptest.Client {
	c := h.env.Client("hd.test")
	c.AdminLogin("agent@hd.test", "agent-password-1")
	return c
}

// flashIsError reports whether page shows its flash as an error, announced as an alert.
func flashIsError(page, text string) bool {
	i := strings.Index(page, `class="flash error"`)
	return i >= 0 && strings.Contains(page[i:min(len(page), i+600)], `role="alert"`) && strings.Contains(page, html.EscapeString(text))
}

// TestOutboxLinksWithoutPunctuation: the outbox lists the portal address of a welcome
// mail ("… unter http://host. Ihr Benutzername …") without the sentence's full stop,
// as text and as the link.
func TestOutboxLinksWithoutPunctuation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		if err := tenant.SetFeatures(context.Background(), h.env.DB, h.ten.ID, []string{tenant.FeatureWelcomeMail}); err != nil {
			t.Fatal(err)
		}
		h.env.App.Env.ForgetTenants()
		if r := h.staffC.Post("/admin/contacts", url.Values{"first_name": {"Neu"}, "last_name": {"Kunde"},
			"email": {"neu@acme.test"}, "company_id": {itoa64(h.acme.ID)}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("create contact: %d %.300s", r.Status, r.Body)
		}
		var id int64
		var text string
		if err := h.env.DB.QueryRow(context.Background(), `SELECT id, text_body FROM mails WHERE to_addr = ? ORDER BY id DESC LIMIT 1`,
			"neu@acme.test").Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(https?://[^\s]+)\. `).FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("no address before a full stop in the welcome mail: %q", text)
		}
		page := h.staffC.Get("/admin/outbox/" + itoa64(id)).Body
		if strings.Contains(page, `href="`+m[1]+`."`) || !strings.Contains(page, `href="`+m[1]+`"`) {
			t.Errorf("the outbox lists %s with its full stop", m[1])
		}
	})
}

// TestRefusalFlashesAreErrors: refusals whose message ids name no error are shown as
// errors all the same (web.Env.FlashError): an agent's stale link to a colleague's time
// entry, a time entry of a billed ticket, a grant in an archived company.
func TestRefusalFlashesAreErrors(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		de := i18n.For("de")
		tk := h.open(t, h.acme, h.anna, "Zeiten")
		var entry int64
		h.change(t, tk, func(ctx context.Context, tx *db.Tx, k ticket.Ticket, by ticket.Actor) error {
			var err error
			entry, err = ticket.AddTime(ctx, tx, k, h.admin.ID, ticket.TimeInput{Date: time.Now().Format(ticket.TimeDateLayout), Minutes: 30}, time.Now())
			return err
		})
		agent := h.agentClient()
		r := agent.Get("/admin/tickets/" + itoa64(tk) + "/time/" + itoa64(entry))
		if r.Status != 303 || !flashIsError(agent.Get(r.Location).Body, de.T("time_tracking.not_yours")) {
			t.Errorf("a colleague's time entry: %d, not an error flash", r.Status)
		}
		h.setStatus(t, tk, ticket.CodeResolved)
		if r := h.staffC.Post("/admin/tickets/"+itoa64(tk)+"/billed", url.Values{"billed": {"1"}}); r.Status != 303 {
			t.Fatalf("bill: %d", r.Status)
		}
		r = h.staffC.Post("/admin/tickets/"+itoa64(tk)+"/time/"+itoa64(entry)+"/delete", nil)
		if r.Status != 303 || !flashIsError(h.staffC.Get(r.Location).Body, de.T("time_tracking.billed_locked")) {
			t.Errorf("a billed ticket's time entry: %d, not an error flash", r.Status)
		}

		neu := h.env.Contact(h.ten, "neu@beta.test", "", "user", h.beta)
		if err := company.Archive(context.Background(), h.env.DB, h.ten.ID, h.beta.ID, h.admin.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		m := memberships(t, h.env, h.ten.ID, neu.ID)[0]
		r = h.staffC.Post("/admin/memberships/"+itoa64(m)+"/grant", url.Values{"role": {"user"}})
		if r.Status != 303 || !flashIsError(h.staffC.Get(r.Location).Body, de.T("company_archive.refused")) {
			t.Errorf("a grant in an archived company: %d, not an error flash", r.Status)
		}
		// A success stays one.
		ok := h.open(t, h.acme, h.anna, "Ok")
		page := follow(t, h.staffC, "/admin/tickets/"+itoa64(ok)+"/status", url.Values{"status": {itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeProgress))}})
		if !strings.Contains(page, `class="flash success"`) {
			t.Errorf("a status change is not shown as a success")
		}
	})
}

// TestBulkGrantResendPause: the company page's bulk grant keeps the two-minute pause
// of the single resend: a contact invited moments ago is skipped and named, their link
// still works and no second mail goes out; the others are granted.
func TestBulkGrantResendPause(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		petra := h.env.Contact(h.ten, "petra@acme.test", "", "user", h.acme)
		otto := h.env.Contact(h.ten, "otto@acme.test", "", "user", h.acme)
		pm, om := memberships(t, h.env, h.ten.ID, petra.ID)[0], memberships(t, h.env, h.ten.ID, otto.ID)[0]
		if r := h.staffC.Post("/admin/memberships/"+itoa64(pm)+"/grant", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite petra: %d", r.Status)
		}
		open := `SELECT COUNT(*) FROM tokens WHERE contact_id = ? AND used_at IS NULL`
		r := h.staffC.Post("/admin/companies/"+itoa64(h.acme.ID)+"/grant", url.Values{"membership_id": {itoa64(pm), itoa64(om)}, "role": {"user"}})
		if r.Status != 303 {
			t.Fatalf("bulk grant: %d %.300s", r.Status, r.Body)
		}
		page := h.staffC.Get(r.Location).Body
		if !strings.Contains(page, html.EscapeString(i18n.For("de").N("tback_fix.grant.paused", 1, map[string]any{"Names": "Test petra@acme.test"}))) {
			t.Errorf("the page does not name the contact invited moments ago")
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, "petra@acme.test"); n != 1 {
			t.Errorf("petra got %d invitations", n)
		}
		if count(t, h.env, open, petra.ID) != 1 || count(t, h.env, open, otto.ID) != 1 {
			t.Errorf("petra's first link was voided, or otto was not invited")
		}
	})
}

// TestContactCompanySearchMore: the contact page's company search says when more
// companies match than it lists, and marks a company the contact belongs to already
// instead of offering to add it again.
func TestContactCompanySearchMore(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		for i := range 11 {
			h.env.Company(h.ten, "Paging Firma "+itoa64(int64(i)))
		}
		page := h.staffC.Get("/admin/contacts/" + itoa64(h.anna.ID) + "?company_q=Paging").Body
		if !strings.Contains(page, html.EscapeString(i18n.For("de").T("qa2_desk.company_many_more", map[string]any{"Max": 10}))) {
			t.Errorf("no word that more companies match")
		}
		page = h.staffC.Get("/admin/contacts/" + itoa64(h.anna.ID) + "?company_q=Acme").Body
		if !strings.Contains(page, "Bereits zugeordnet") || strings.Contains(page, `for="add-role-`+itoa64(h.acme.ID)+`"`) {
			t.Errorf("the contact's own company is offered again")
		}
		if strings.Contains(page, "Mehr als 10 Firmen") {
			t.Errorf("a single hit says more match")
		}
	})
}

// TestAssignInvitedStaff: assigning to a colleague who has not accepted the invitation
// says so, not that they were deactivated.
func TestAssignInvitedStaff(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		bernd, err := staff.Create(context.Background(), h.env.DB, staff.Member{TenantID: h.ten.ID, Email: "bernd@hd.test",
			Name: "Bernd Koch", Role: staff.RoleAgent}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		tk := h.open(t, h.acme, h.anna, "Zuweisen")
		r := h.staffC.Post("/admin/tickets/"+itoa64(tk)+"/assign", url.Values{"assignee": {itoa64(bernd.ID)}})
		if r.Status != 422 || !strings.Contains(r.Body, mergeWant("tback_fix.error.assignee_invited")) || strings.Contains(r.Body, mergeWant("tickets_admin.error.assignee_inactive")) {
			t.Errorf("assign to an invited colleague: %d", r.Status)
		}
		// The same on a new ticket opened by staff, what was typed kept.
		r = h.staffC.Post("/admin/tickets", url.Values{"company_id": {itoa64(h.acme.ID)}, "contact_id": {itoa64(h.anna.ID)},
			"title": {"NEU-FUER-BERND"}, "body": {"Text"}, "priority": {"2"}, "assignee": {itoa64(bernd.ID)}})
		if r.Status != 422 || !strings.Contains(r.Body, mergeWant("tback_fix.error.assignee_invited")) || !strings.Contains(r.Body, "NEU-FUER-BERND") {
			t.Errorf("new ticket for an invited colleague: %d", r.Status)
		}
	})
}

// TestBackofficeWording: the categories' translations hint speaks of names, not of
// built-in statuses; German says "Beobachter" on the ticket page's card; the ticket
// page offers phones a jump to its details and forms.
func TestBackofficeWording(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		page := h.staffC.Get("/admin/settings/helpdesk").Body
		cats := page[strings.Index(page, `id="cat-new-name"`):]
		statusHint, catHint := mergeWant("helpdesk_names.hint"), mergeWant("tback_fix.names.category_hint")
		if strings.Contains(cats, statusHint) || !strings.Contains(cats, catHint) || !strings.Contains(page, statusHint) {
			t.Errorf("the categories' translation hint speaks of statuses")
		}
		tk := h.open(t, h.acme, h.anna, "Wörter")
		page = h.staffC.Get("/admin/tickets/" + itoa64(tk)).Body
		if strings.Contains(page, "Follower") || !strings.Contains(page, "Beobachter hinzufügen") {
			t.Errorf("the ticket page mixes Follower and Beobachter")
		}
		if !strings.Contains(page, `class="btn jump-side" href="#facts-h"`) {
			t.Errorf("no jump to the side column")
		}
	})
}

// TestModulesOffBackoffice: with the knowledge base and downloads switched off, their
// back-office pages are a 404 like the helpdesk's (after signing in); the downloads
// settings stay, as the helpdesk settings do.
func TestModulesOffBackoffice(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		paths := []string{"/admin/kb", "/admin/kb/new", "/admin/downloads", "/admin/downloads/files/new"}
		for _, p := range paths {
			if r := h.staffC.Get(p); r.Status != 200 {
				t.Errorf("%s with the module on: %d", p, r.Status)
			}
		}
		if err := tenant.SetModules(context.Background(), h.env.DB, h.ten.ID, []string{"helpdesk"}); err != nil {
			t.Fatal(err)
		}
		h.env.App.Env.ForgetTenants()
		for _, p := range paths {
			if r := h.staffC.Get(p); r.Status != 404 {
				t.Errorf("%s with the module off: %d", p, r.Status)
			}
		}
		if r := h.staffC.Post("/admin/kb", url.Values{"title": {"x"}}); r.Status != 404 {
			t.Errorf("new article with the module off: %d", r.Status)
		}
		if r := h.env.Client("hd.test").Get("/admin/kb"); r.Status != 303 {
			t.Errorf("signed out, the page does not ask to sign in: %d", r.Status)
		}
		if r := h.staffC.Get("/admin/downloads/settings"); r.Status != 200 {
			t.Errorf("downloads settings with the module off: %d", r.Status)
		}
	})
}

// TestDowngradeMainAsks: an active main contact's role form asks before the downgrade
// (only then: data-confirm-when), and warns when they are the company's only active
// main contact.
func TestDowngradeMainAsks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		de := i18n.For("de")
		data := map[string]any{"Name": "Test anna@acme.test", "Company": "Acme AG"}
		last := html.EscapeString(de.T("tback_fix.members.downgrade_last_confirm", data))
		for _, p := range []string{"/admin/companies/" + itoa64(h.acme.ID), "/admin/contacts/" + itoa64(h.anna.ID)} {
			page := h.staffC.Get(p).Body
			if !strings.Contains(page, `data-confirm="`+last+`" data-confirm-when="role=user"`) {
				t.Errorf("%s: no question before downgrading the last main contact", p)
			}
		}
		h.env.Contact(h.ten, "zweite@acme.test", "zweite-password-1", "main", h.acme)
		page := h.staffC.Get("/admin/contacts/" + itoa64(h.anna.ID)).Body
		if strings.Contains(page, last) || !strings.Contains(page, html.EscapeString(de.T("tback_fix.members.downgrade_confirm", data))) {
			t.Errorf("with a second main contact the question still warns of none left")
		}
		if page := h.staffC.Get("/admin/contacts/" + itoa64(h.bernd.ID)).Body; strings.Contains(page, `data-confirm-when="role=user"`) {
			t.Errorf("a user's role form asks about a downgrade")
		}
	})
}

// TestUnbillAdminOnly: an agent marks finished work as billed but does not take the
// mark off (no button; a hand-made form is refused as an error); an admin does.
func TestUnbillAdminOnly(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		tk := h.open(t, h.acme, h.anna, "Abgerechnet")
		path := "/admin/tickets/" + itoa64(tk)
		h.setStatus(t, tk, ticket.CodeResolved)
		agent := h.agentClient()
		if r := agent.Post(path+"/billed", url.Values{"billed": {"1"}}); r.Status != 303 {
			t.Fatalf("agent bills: %d", r.Status)
		}
		page := agent.Get(path).Body
		if strings.Contains(page, `name="billed" value="0"`) || !strings.Contains(page, mergeWant("tback_fix.unbill_admin_hint")) ||
			strings.Contains(page, mergeWant("tickets_admin.billed_note")) {
			t.Errorf("the agent is offered (or told) to remove the billed mark")
		}
		r := agent.Post(path+"/billed", url.Values{"billed": {"0"}})
		if r.Status != 303 || !flashIsError(agent.Get(r.Location).Body, i18n.For("de").T("tback_fix.unbill_admin_only")) {
			t.Errorf("agent unbills: %d", r.Status)
		}
		if !staffTicket(t, h.env, h.ten.ID, tk).Billed {
			t.Fatalf("the agent removed the billed mark")
		}
		if page := h.staffC.Get(path).Body; !strings.Contains(page, `name="billed" value="0"`) || !strings.Contains(page, mergeWant("tickets_admin.billed_note")) {
			t.Errorf("the admin is not offered to remove the mark")
		}
		if r := h.staffC.Post(path+"/billed", url.Values{"billed": {"0"}}); r.Status != 303 || staffTicket(t, h.env, h.ten.ID, tk).Billed {
			t.Errorf("admin unbills: %d", r.Status)
		}
	})
}
