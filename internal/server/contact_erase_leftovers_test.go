package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// deText is the German text of key as a page shows it (the staff's language in newDesk).
func deText(key string) string { return html.EscapeString(i18n.For("de").T(key, nil)) }

// TestEraseLeftoversPage: Ula deleted her own account; the inbox notice for staff keeps
// her former name and address. Her page offers an admin (not an agent: 404) to erase
// what is left, the erase page explains it and asks only for a reason, and the POST
// takes her details out of the notice; then the page says she is erased, and a second
// POST says so too.
func TestEraseLeftoversPage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		item := ulaDeletesOwnAccount(t, d)
		page, erase := "/admin/contacts/"+id(d.ula), "/admin/contacts/"+id(d.ula)+"/erase"

		body := d.admin.Get(page).Body
		if !strings.Contains(body, deText("contact_erase.leftover_note")) || !strings.Contains(body, `href="`+erase+`"`) ||
			!strings.Contains(body, deText("contact_erase.leftover_button")) {
			t.Errorf("the admin is not offered to erase what is left")
		}
		if body := d.agent.Get(page).Body; strings.Contains(body, erase) || strings.Contains(body, deText("contact_erase.leftover_note")) {
			t.Errorf("the agent is offered the erasure")
		}
		if r := d.agent.Get(erase); r.Status != 404 {
			t.Errorf("agent GET erase: %d", r.Status)
		}
		if r := d.agent.Post(erase, url.Values{"reason": {"x"}}); r.Status != 404 {
			t.Errorf("agent POST erase: %d", r.Status)
		}

		body = d.admin.Get(erase).Body
		if !strings.Contains(body, deText("contact_erase.leftover_intro")) || strings.Contains(body, `name="confirm"`) ||
			!strings.Contains(body, `name="reason"`) || strings.Contains(body, deText("contact_erase.already")) {
			t.Errorf("the erase page does not explain the leftovers or asks to type: %.2000s", body)
		}
		if r := d.admin.Post(erase, url.Values{"reason": {strings.Repeat("r", 301)}}); r.Status != 422 ||
			!strings.Contains(r.Body, strings.Repeat("r", 301)) {
			t.Errorf("a too long reason: %d", r.Status)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM inbox_items WHERE id = ? AND email = 'ula@alpha.test'`, item); n != 1 {
			t.Fatalf("the refused form erased the notice")
		}

		if r := d.admin.Post(erase, url.Values{"reason": {"Löschantrag per Brief"}}); r.Status != 303 || r.Location != page {
			t.Fatalf("erase leftovers: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if body := d.admin.Get(page).Body; !strings.Contains(body, deText("contact_erase.leftover_done")) ||
			strings.Contains(body, erase) {
			t.Errorf("after the erasure: no message, or still offered")
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM inbox_items WHERE id = ? AND email = ?`, item, access.DeletedEmail(d.ula)); n != 1 {
			t.Errorf("the notice keeps the former address")
		}
		shown := d.admin.Get("/admin/inbox/" + id(item)).Body
		for _, leak := range []string{"ula@alpha.test", "Ulrike", "Lohmeyer", "7778899"} {
			if strings.Contains(shown, leak) {
				t.Errorf("the notice still shows %q", leak)
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_erased' AND contact_id = ?`, d.ula); n != 1 {
			t.Errorf("%d erasures audited, want 1", n)
		}
		if body := d.admin.Get(erase).Body; !strings.Contains(body, deText("contact_erase.already")) || strings.Contains(body, `name="reason"`) {
			t.Errorf("the erase page after the erasure does not say already erased")
		}
		if r := d.admin.Post(erase, url.Values{}); r.Status != 303 || !strings.Contains(d.admin.Get(page).Body, deText("contact_erase.already")) {
			t.Errorf("second POST: %d, or no message", r.Status)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_erased' AND contact_id = ?`, d.ula); n != 1 {
			t.Errorf("%d erasures audited after the second POST, want 1", n)
		}
	})
}

// TestEraseWordingCleared: the confirmation says that the contact stops following
// tickets, rating comments are blanked and the records naming them lose it.
func TestEraseWordingCleared(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		body := d.admin.Get("/admin/contacts/" + id(d.uwe) + "/erase").Body
		if !strings.Contains(body, deText("contact_erase.cleared")) || !strings.Contains(body, deText("contact_erase.ends")) {
			t.Errorf("the confirmation does not say what else is cleared")
		}
	})
}

// TestNewTicketErasedContact: an erased contact is neither preselected nor offered as
// opener of a new ticket, and a form sent with them is refused with a message at the
// field, keeping what was typed; no ticket is created. A live contact is preselected.
func TestNewTicketErasedContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		form := "/admin/tickets/new?company=" + id(d.a.ID) + "&contact="
		if body := d.admin.Get(form + id(d.ula)).Body; !strings.Contains(body, `value="`+id(d.ula)+`" selected`) {
			t.Fatalf("a live contact is not preselected")
		}
		if r := d.admin.Post("/admin/contacts/"+id(d.uwe)+"/erase", url.Values{"confirm": {"uwe@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d", r.Status)
		}
		r := d.admin.Get(form + id(d.uwe))
		if r.Status != 200 || !strings.Contains(r.Body, deText("contact_erase.new_ticket_erased")) ||
			strings.Contains(r.Body, access.DeletedEmail(d.uwe)) {
			t.Errorf("new ticket for the erased contact: %d, no message or offered: %.3000s", r.Status, r.Body)
		}
		tickets := count(t, d.env, `SELECT COUNT(*) FROM tickets`)
		r = d.admin.Post("/admin/tickets", url.Values{"company_id": {id(d.a.ID)}, "contact_id": {id(d.uwe)},
			"title": {"FUER-GELOESCHTEN"}, "body": {"Text"}, "priority": {"2"}})
		if r.Status != 422 || !strings.Contains(r.Body, deText("contact_erase.new_ticket_erased")) ||
			!strings.Contains(r.Body, "FUER-GELOESCHTEN") {
			t.Errorf("POST for the erased contact: %d %.2000s", r.Status, r.Body)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM tickets`); n != tickets {
			t.Errorf("a ticket was opened for the erased contact")
		}
	})
}
