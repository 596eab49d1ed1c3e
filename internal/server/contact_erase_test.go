package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// eraseDesk is the helpdesk world of newDesk with a ticket Uwe opened (with a public
// reply and an internal note from staff), one of Ula's that Uwe follows, an agent, and
// an admin client.
type eraseDesk struct {
	*desk
	own, followed int64
	admin, agent  *apptest.Client
}

func newEraseDesk(t *testing.T, e db.Engine) eraseDesk {
	d := eraseDesk{desk: newDesk(t, e)}
	uwe, ula := d.as("uwe@alpha.test", "uwe-password-1"), d.as("ula@alpha.test", "ula-password-1")
	d.own = d.open(t, uwe, "UWE-DRUCKER streikt")
	d.followed = d.open(t, ula, "ULA-ZUGANG gemeinsam")
	d.staffDo(t, d.own, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
		if _, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: d.desk.admin.ID, Author: "Agent Ada",
			Body: "STAFF-ANTWORT Bitte neu starten.", Via: "staff"}, time.Now()); err != nil {
			return err
		}
		_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: d.desk.admin.ID, Author: "Agent Ada",
			Body: "GEHEIM-NOTIZ Kunde zahlt schlecht", Internal: true, Via: "staff"}, time.Now())
		return err
	})
	d.staffDo(t, d.followed, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
		return ticket.Follow(ctx, tx, tk, d.uwe, "Ula", d.ula, 0, time.Now())
	})
	d.env.Staff(d.t, staff.RoleAgent, "agent2@desk.test", "agent2-password")
	d.admin = d.env.Client("desk.test")
	d.admin.AdminLogin("agent@desk.test", "agent-password")
	d.agent = d.env.Client("desk.test")
	d.agent.AdminLogin("agent2@desk.test", "agent2-password")
	return d
}

// TestStaffEraseContact: an admin sees what erasing Uwe takes (companies and role,
// portal access, tickets opened and followed), must type his address (a mismatch keeps
// the form with a message and the reason typed), and then Uwe is anonymised as by his
// own account deletion: he cannot sign in (the same answer as an unknown address), his
// sessions and queued mail are gone, lists and searches do not show him, the main
// contact still reads his ticket under the placeholder, and the audit log says who
// erased him and why, without his address. Erasing again is a message, not an error.
// Agents see none of it.
func TestStaffEraseContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		page := "/admin/contacts/" + id(d.uwe)
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		// A mail to Uwe still waiting in the queue (due in an hour, so the worker leaves it).
		queued, err := outbox.Queue(ctx, d.env.DB, d.t.ID, mail.Message{To: "uwe@alpha.test", Subject: "WARTET", Text: "x"},
			time.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}

		if body := d.agent.Get(page).Body; strings.Contains(body, page+"/erase") || strings.Contains(body, page+"/export") {
			t.Errorf("an agent is offered erasing or the export")
		}
		for _, r := range []apptest.Response{d.agent.Get(page + "/erase"), d.agent.Post(page+"/erase",
			url.Values{"confirm": {"uwe@alpha.test"}}), d.agent.Post(page+"/export", url.Values{})} {
			if r.Status != 404 {
				t.Errorf("agent: %d, want 404", r.Status)
			}
		}
		if body := d.admin.Get(page).Body; !strings.Contains(body, page+"/erase") || !strings.Contains(body, page+"/export") {
			t.Fatalf("the admin is not offered erasing and the export")
		}
		confirm := d.admin.Get(page + "/erase")
		for _, want := range []string{"Alpha GmbH", "Benutzer", "Hat 1 Ticket eröffnet", "Verfolgt 1 Ticket", "Ja – er endet jetzt",
			`name="confirm"`, `name="reason"`} {
			if !strings.Contains(confirm.Body, want) {
				t.Errorf("confirmation page lacks %q", want)
			}
		}

		for _, typed := range []string{"", "ula@alpha.test"} {
			r := d.admin.Post(page+"/erase", url.Values{"confirm": {typed}, "reason": {"Löschantrag per Brief"}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-confirm"`) || !strings.Contains(r.Body, `value="Löschantrag per Brief"`) {
				t.Errorf("confirmation %q: %d, want the form again with a message and the reason", typed, r.Status)
			}
		}
		if !strings.Contains(d.admin.Post(page+"/erase", url.Values{"confirm": {"uwe@beta.test"}}).Body, "Das stimmt nicht überein") {
			t.Errorf("mismatch message missing")
		}
		if uwe.Get("/").Status != 200 {
			t.Fatalf("a refused confirmation erased Uwe")
		}

		mailsBefore := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, "uwe@alpha.test")
		r := d.admin.Post(page+"/erase", url.Values{"confirm": {" UWE@alpha.test "}, "reason": {"Löschantrag per Brief"}})
		if r.Status != 303 || r.Location != page {
			t.Fatalf("erase: %d %q %.500s", r.Status, r.Location, r.Body)
		}
		if body := d.admin.Get(page).Body; !strings.Contains(body, "Der Kontakt wurde gelöscht.") || !strings.Contains(body, "Dieser Kontakt wurde gelöscht:") {
			t.Errorf("contact page lacks the message or the erased note")
		}
		if uwe.Get("/").Status != 303 {
			t.Errorf("Uwe's session survived")
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, d.uwe); n != 0 {
			t.Errorf("%d sessions left", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM memberships WHERE contact_id = ? AND access <> 'revoked'`, d.uwe); n != 0 {
			t.Errorf("%d memberships not revoked", n)
		}
		var state string
		d.env.DB.QueryRow(ctx, `SELECT state FROM mails WHERE id = ?`, queued).Scan(&state)
		if state != outbox.StateCancelled {
			t.Errorf("queued mail to the erased address: %q", state)
		}
		time.Sleep(100 * time.Millisecond) // a worker round: anything queued by the erasure would be there
		// The mails to him keep only that they went (contact_forget_test.go), and the
		// erasure queued none: none names the address.
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, "uwe@alpha.test"); n != 0 || mailsBefore == 0 {
			t.Errorf("%d mails to the erased address, %d before", n, mailsBefore)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM inbox_items WHERE contact_id = ?`, d.uwe); n != 0 {
			t.Errorf("an inbox item keeps the former details")
		}

		// Signing in: the same answer as for an address nobody has.
		login := func(email string) apptest.Response {
			return d.env.Client("desk.test").Post("/login", url.Values{"email": {email}, "password": {"uwe-password-1"}})
		}
		gone, unknown := login("uwe@alpha.test"), login("niemand@alpha.test")
		if gone.Status != unknown.Status || strings.ReplaceAll(gone.Body, "uwe@alpha.test", "X") != strings.ReplaceAll(unknown.Body, "niemand@alpha.test", "X") {
			t.Errorf("sign-in of the erased contact answers otherwise than an unknown address: %d vs %d", gone.Status, unknown.Status)
		}

		anon := "Gelöschter Kontakt #" + id(d.uwe)
		for _, q := range []string{"", "?q=uwe", "?q=Gel%C3%B6schter", "?access=revoked"} {
			if body := d.admin.Get("/admin/contacts" + q).Body; strings.Contains(body, anon) || strings.Contains(body, "uwe@alpha.test") {
				t.Errorf("contact list %q shows the erased contact", q)
			}
		}
		alice := d.as("alice@alpha.test", "alice-password")
		tk := alice.Get("/tickets/" + id(d.own))
		if tk.Status != 200 || !strings.Contains(tk.Body, "UWE-DRUCKER") || !strings.Contains(tk.Body, anon) || strings.Contains(tk.Body, "uwe@alpha.test") {
			t.Errorf("main contact's view of the erased contact's ticket: %d, anonymised %t, address %t", tk.Status,
				strings.Contains(tk.Body, anon), strings.Contains(tk.Body, "uwe@alpha.test"))
		}

		var actor, target string
		d.env.DB.QueryRow(ctx, `SELECT actor, target FROM audit_log WHERE action = 'contact_erased' AND contact_id = ?`, d.uwe).Scan(&actor, &target)
		if !strings.HasPrefix(actor, "staff:") || !strings.Contains(actor, "agent@desk.test") || target != "contact "+id(d.uwe)+": Löschantrag per Brief" {
			t.Errorf("audit entry: %q %q", actor, target)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND (actor LIKE ? OR target LIKE ?)`,
			d.uwe, "%uwe@alpha.test%", "%uwe@alpha.test%"); n != 0 {
			t.Errorf("%d audit entries still name the erased address", n)
		}
		log := d.admin.Get("/admin/audit?action=contact_erased").Body
		if !strings.Contains(log, "Kontakt von Mitarbeitenden gelöscht") || !strings.Contains(log, "Kontakt #"+id(d.uwe)) ||
			!strings.Contains(log, "Grund: Löschantrag per Brief") {
			t.Errorf("audit page does not render the erasure:\n%.3000s", log)
		}

		// Twice: a message, no error; the export has nothing left to give.
		if body := d.admin.Get(page + "/erase").Body; !strings.Contains(body, "bereits gelöscht") || strings.Contains(body, `name="confirm"`) {
			t.Errorf("confirmation page of an erased contact")
		}
		for _, r := range []apptest.Response{d.admin.Post(page+"/erase", url.Values{"confirm": {access.DeletedEmail(d.uwe)}}),
			d.admin.Post(page+"/export", url.Values{})} {
			if r.Status != 303 || r.Location != page {
				t.Errorf("erased contact: %d %q", r.Status, r.Location)
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_erased'`); n != 1 {
			t.Errorf("%d erasures audited, want 1", n)
		}
	})
}

// TestStaffEraseEdgeCases: a contact who deleted their own account is erased already:
// the first POST erases what they left (TestEraseLeftoversPage), another is a message,
// no error; a contact without an address (one from the phone) is confirmed by typing
// their name.
func TestStaffEraseEdgeCases(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		c := d.as("ula@alpha.test", "ula-password-1")
		if r := c.Post("/account/delete", url.Values{"delete_password": {"ula-password-1"}}); r.Status != 303 {
			t.Fatalf("own deletion: %d", r.Status)
		}
		page := "/admin/contacts/" + id(d.ula)
		if r := d.admin.Post(page+"/erase", url.Values{}); r.Status != 303 {
			t.Errorf("erasing what is left: %d", r.Status)
		}
		r := d.admin.Post(page+"/erase", url.Values{"confirm": {access.DeletedEmail(d.ula)}})
		if r.Status != 303 || !strings.Contains(d.admin.Get(page).Body, "bereits gelöscht") {
			t.Errorf("erasing a deleted account: %d", r.Status)
		}

		phone := d.env.Contact(d.t, "", "", "user", d.a)
		page = "/admin/contacts/" + id(phone.ID)
		if body := d.admin.Get(page + "/erase").Body; !strings.Contains(body, "Name des Kontakts") || !strings.Contains(body, "Test Ohne E-Mail") {
			t.Errorf("confirmation of a contact without address does not ask for the name")
		}
		if r := d.admin.Post(page+"/erase", url.Values{"confirm": {"Test Ohne"}}); r.Status != 422 {
			t.Errorf("a part of the name: %d", r.Status)
		}
		if r := d.admin.Post(page+"/erase", url.Values{"confirm": {"test ohne e-mail"}}); r.Status != 303 || r.Location != page {
			t.Fatalf("erase by name: %d %.300s", r.Status, r.Body)
		}
		var email, last string
		d.env.DB.QueryRow(context.Background(), `SELECT email, last_name FROM contacts WHERE id = ?`, phone.ID).Scan(&email, &last)
		if email != access.DeletedEmail(phone.ID) || last != "Gelöschter Kontakt #"+id(phone.ID) {
			t.Errorf("not anonymised: %q %q", email, last)
		}
	})
}
