package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// TestErasedContactStaysErased: the contact form an admin opened before erasing Uwe,
// saved afterwards, changes nothing (a message says why) and Uwe stays unfindable;
// adding him to a company, granting him access again (one by one or in bulk) or sending
// him a reset link is refused; his page shows only
// that he was erased: no edit form, no companies to add, no support actions, no
// preview, no new ticket.
func TestErasedContactStaysErased(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		page := "/admin/contacts/" + id(d.uwe)
		if body := d.admin.Get(page).Body; !strings.Contains(body, `name="first_name"`) {
			t.Fatalf("contact page without the form")
		}
		if r := d.admin.Post(page+"/erase", url.Values{"confirm": {"uwe@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d %.300s", r.Status, r.Body)
		}
		members := count(t, d.env, `SELECT COUNT(*) FROM memberships WHERE contact_id = ?`, d.uwe)

		old := url.Values{"first_name": {"Uwe"}, "last_name": {"Test"}, "email": {"uwe@alpha.test"}, "phone": {"+49 711 1"}}
		if r := d.admin.Post(page, old); r.Status != 303 || r.Location != page {
			t.Errorf("saving the old form: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if body := d.admin.Get(page).Body; !strings.Contains(body, "es wurde nichts geändert") {
			t.Errorf("no message after saving the old form")
		}
		var email, first string
		d.env.DB.QueryRow(context.Background(), `SELECT email, first_name FROM contacts WHERE id = ?`, d.uwe).Scan(&email, &first)
		if email != access.DeletedEmail(d.uwe) || first != "" {
			t.Errorf("the old form brought Uwe back: %q %q", email, first)
		}
		if body := d.admin.Get("/admin/contacts?q=uwe").Body; strings.Contains(body, "uwe@alpha.test") {
			t.Errorf("the erased contact is found again")
		}

		if r := d.admin.Post(page+"/memberships", url.Values{"company_id": {id(d.b.ID)}, "role": {"main"}}); r.Status != 303 {
			t.Errorf("adding a company: %d", r.Status)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM memberships WHERE contact_id = ?`, d.uwe); n != members {
			t.Errorf("an erased contact was added to a company: %d memberships, had %d", n, members)
		}
		if r := d.admin.Post(page+"/password-reset", url.Values{}); r.Status != 303 ||
			!strings.Contains(d.admin.Get(page).Body, "es wurde nichts geändert") {
			t.Errorf("reset link for an erased contact: %d", r.Status)
		}

		// The company page neither offers nor performs a grant to the placeholder address.
		var membership int64
		d.env.DB.QueryRow(context.Background(), `SELECT id FROM memberships WHERE contact_id = ?`, d.uwe).Scan(&membership)
		grant := "/admin/memberships/" + id(membership) + "/grant"
		mailsBefore := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, access.DeletedEmail(d.uwe))
		if body := d.admin.Get("/admin/companies/" + id(d.a.ID)).Body; strings.Contains(body, grant) ||
			strings.Contains(body, `name="membership_id" value="`+id(membership)+`"`) {
			t.Errorf("the company page offers access for the erased contact")
		}
		if r := d.admin.Post(grant, url.Values{"role": {"user"}}); r.Status != 303 {
			t.Errorf("grant: %d %.300s", r.Status, r.Body)
		}
		if r := d.admin.Post("/admin/companies/"+id(d.a.ID)+"/grant", url.Values{"membership_id": {id(membership)}, "role": {"user"}}); r.Status != 303 {
			t.Errorf("bulk grant: %d %.300s", r.Status, r.Body)
		}
		// (Mails sent to him before keep only that they went, under the placeholder.)
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, access.DeletedEmail(d.uwe)); n != mailsBefore {
			t.Errorf("%d mails to the placeholder address, %d before", n, mailsBefore)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM memberships WHERE contact_id = ? AND access <> 'revoked'`, d.uwe); n != 0 {
			t.Errorf("the erased contact got access again")
		}

		body := d.admin.Get(page).Body
		if !strings.Contains(body, "Dieser Kontakt wurde gelöscht") {
			t.Errorf("the erased contact's page lacks the note")
		}
		for _, offered := range []string{`name="first_name"`, `name="company_q"`, page + "/memberships", page + "/password-reset",
			page + "/preview", "/admin/tickets/new", page + "/export", page + "/erase"} {
			if strings.Contains(body, offered) {
				t.Errorf("the erased contact's page offers %s", offered)
			}
		}
	})
}

// TestOwnDetailsRacingAddressChange: staff give Uwe a new address while he saves his
// name; his save must not write the old address back. He is told to reload, nothing is
// saved, the new address stays.
func TestOwnDetailsRacingAddressChange(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		raceClock(t, d.env, "UpdateOwnDetails", 1, func(svc *access.Service) {
			ct, err := contact.Get(context.Background(), d.env.DB, d.t.ID, d.uwe)
			if err != nil {
				t.Fatal(err)
			}
			ct.Email = "uwe.neu@alpha.test"
			if err := svc.UpdateContact(context.Background(), d.t, access.Actor{Label: "staff:1 agent@desk.test"}, ct, "http://desk.test"); err != nil {
				t.Fatalf("change address meanwhile: %v", err)
			}
		})
		r := uwe.Post("/account/details", url.Values{"first_name": {"Uwe-Neu"}, "last_name": {"Test"}, "phone": {""}})
		if r.Status != 422 || !strings.Contains(r.Body, "inzwischen geändert") || !strings.Contains(r.Body, "Uwe-Neu") {
			t.Errorf("save racing the address change: %d %.300s", r.Status, r.Body)
		}
		var email, first string
		d.env.DB.QueryRow(context.Background(), `SELECT email, first_name FROM contacts WHERE id = ?`, d.uwe).Scan(&email, &first)
		if email != "uwe.neu@alpha.test" || first == "Uwe-Neu" {
			t.Errorf("after the race: %q %q", email, first)
		}
	})
}

// TestEraseConfirmationDetails: erasing the company's only main contact warns and
// names the company; the address to type reads left to right and the field is
// described by its hint; a name is confirmed whatever its Unicode form and spacing.
func TestEraseConfirmationDetails(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		alice := d.admin.Get("/admin/contacts/" + id(d.alice) + "/erase").Body
		for _, want := range []string{"Einziger aktiver Hauptkontakt dieser Firma", "<li><bdi>Alpha GmbH</bdi></li>",
			"die übrigen Hauptkontakte der Firma", `<bdi dir="ltr">alice@alpha.test</bdi>`, `aria-describedby="h-confirm"`,
			"Geben Sie zur Bestätigung die oben angezeigte E-Mail-Adresse ein."} {
			if !strings.Contains(alice, want) {
				t.Errorf("Alice's confirmation lacks %s", want)
			}
		}
		if body := d.admin.Get("/admin/contacts/" + id(d.uwe) + "/erase").Body; strings.Contains(body, "Einziger aktiver Hauptkontakt") {
			t.Errorf("Uwe (a user) is called the last main contact")
		}
		// A second active main contact: no warning for Alice any more.
		d.env.Contact(d.t, "anna@alpha.test", "anna-password-1", "main", d.a)
		if body := d.admin.Get("/admin/contacts/" + id(d.alice) + "/erase").Body; strings.Contains(body, "Einziger aktiver Hauptkontakt") {
			t.Errorf("a warning although Anna is main contact too")
		}

		ct, err := contact.Create(context.Background(), d.env.DB, contact.Contact{TenantID: d.t.ID, FirstName: "Renée", LastName: "Dupont"},
			i18n.Languages, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		page := "/admin/contacts/" + id(ct.ID)
		if r := d.admin.Post(page+"/erase", url.Values{"confirm": {"rene\u0301e   dupont "}}); r.Status != 303 || r.Location != page {
			t.Errorf("a decomposed é and double spaces: %d %.300s", r.Status, r.Body)
		}
	})
}
