package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestStatusNameOfBuiltIn: a new status may not take the name a built-in status shows
// (its translation, "Neu" on a German page), which left two "Neu" in every status list
// and the built-in one unsavable under the name it shows. The form comes back with the
// message and what was typed; a fresh name still goes through.
func TestStatusNameOfBuiltIn(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		before, err := ticket.Statuses(ctx, h.env.DB, h.ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		form := url.Values{"name": {"neu"}, "kind": {ticket.KindOpen}, "position": {"9"}, "portal_visible": {"1"}, "active": {"1"}}
		r := h.staffC.Post("/admin/settings/helpdesk/statuses", form)
		if body := html.UnescapeString(r.Body); r.Status != 422 || !strings.Contains(body, "Ein anderer Status trägt bereits diesen Namen.") ||
			!strings.Contains(body, `value="neu"`) {
			t.Fatalf("status named like the built-in one: %d %.300s", r.Status, r.Body)
		}
		if after, _ := ticket.Statuses(ctx, h.env.DB, h.ten.ID); len(after) != len(before) {
			t.Fatalf("refused status stored: %d statuses, were %d", len(after), len(before))
		}
		// Also the name the built-in status has in another language ("New" in English).
		form.Set("name", "New")
		if r := h.staffC.Post("/admin/settings/helpdesk/statuses", form); r.Status != 422 {
			t.Fatalf("status named like the built-in one in English: %d", r.Status)
		}
		form.Set("name", "Beim Hersteller")
		if r := h.staffC.Post("/admin/settings/helpdesk/statuses", form); r.Status != 303 {
			t.Fatalf("fresh name: %d", r.Status)
		}
	})
}

// TestTimeDateBeforeReports: a time entry dated before the years any report can show
// (1926 for 2026) is refused at the field with the typed date kept, on logging and on
// changing an entry; nothing is stored.
func TestTimeDateBeforeReports(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Router")
		path := "/admin/tickets/" + itoa64(id) + "/time"
		old := url.Values{"log_date": {"1926-11-23"}, "log_duration": {"30"}, "log_note": {"Anruf"}}
		r := h.staffC.Post(path, old)
		if body := html.UnescapeString(r.Body); r.Status != 422 || !strings.Contains(body, "ab dem Jahr 2000") ||
			!strings.Contains(body, `value="1926-11-23"`) {
			t.Fatalf("date 1926: %d %.300s", r.Status, r.Body)
		}
		if n := len(timeOf(t, h, id)); n != 0 {
			t.Fatalf("refused entry stored: %d", n)
		}
		ok := url.Values{"log_date": {todayIn(t, h)}, "log_duration": {"30"}}
		if r := h.staffC.Post(path, ok); r.Status != 303 {
			t.Fatalf("today: %d", r.Status)
		}
		entry := timeOf(t, h, id)[0]
		if r := h.staffC.Post(path+"/"+itoa64(entry.ID), old); r.Status != 422 || !strings.Contains(html.UnescapeString(r.Body), "ab dem Jahr 2000") {
			t.Fatalf("edit to 1926: %d", r.Status)
		}
		if got := timeOf(t, h, id)[0]; got.Date != entry.Date {
			t.Errorf("refused edit stored date %s", got.Date)
		}
	})
}

// TestContactEmailTakenNamesOwner: creating a contact, or changing one, to an email
// address another contact has names that contact and links to them (where staff add
// them to another company), instead of a bare "already in use"; the typed input stays.
func TestContactEmailTakenNamesOwner(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		link := `href="/admin/contacts/` + itoa64(h.anna.ID) + `"`
		form := url.Values{"first_name": {"Anne"}, "last_name": {"Neu"}, "email": {"ANNA@acme.test"},
			"company_id": {itoa64(h.beta.ID)}, "role": {"user"}}
		r := h.staffC.Post("/admin/contacts", form)
		body := html.UnescapeString(r.Body)
		if r.Status != 422 || !strings.Contains(body, "gehört bereits zum Kontakt") || !strings.Contains(body, link) ||
			!strings.Contains(body, `value="Anne"`) {
			t.Fatalf("new contact with Anna's address: %d %.300s", r.Status, r.Body)
		}
		r = h.staffC.Post("/admin/contacts/"+itoa64(h.bernd.ID), url.Values{"last_name": {"Bernd"}, "email": {"anna@acme.test"}})
		if body := html.UnescapeString(r.Body); r.Status != 422 || !strings.Contains(body, "gehört bereits zum Kontakt") || !strings.Contains(body, link) {
			t.Fatalf("Bernd changed to Anna's address: %d", r.Status)
		}
		if c, _ := contact.Get(context.Background(), h.env.DB, h.ten.ID, h.bernd.ID); c.Email != "bernd@acme.test" {
			t.Errorf("refused change stored %s", c.Email)
		}
	})
}

// TestMergedTicketOffersNoChanges: a ticket merged into another keeps no forms to
// assign it or change its priority, which were offered and then always refused with
// "merged … cannot be changed"; the open ticket still has them.
func TestMergedTicketOffersNoChanges(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		from, into := h.open(t, h.acme, h.anna, "Drucker (doppelt)"), h.open(t, h.acme, h.anna, "Drucker")
		path := "/admin/tickets/" + itoa64(from)
		forms := []string{`action="` + path + `/assign"`, `action="` + path + `/details"`}
		page := h.staffC.Get(path).Body
		for _, f := range forms {
			if !strings.Contains(page, f) {
				t.Fatalf("open ticket lacks %s", f)
			}
		}
		if r := h.staffC.Post(path+"/merge", url.Values{"target": {itoa64(into)}, "confirm": {"1"}}); r.Status != 303 {
			t.Fatalf("merge: %d", r.Status)
		}
		page = h.staffC.Get(path).Body
		for _, f := range forms {
			if strings.Contains(page, f) {
				t.Errorf("merged ticket still offers %s", f)
			}
		}
	})
}

// TestTicketNewBodyHint: opening a ticket for a customer says at the description that
// the contact gets the text by email (staff took it for a note of their own: "customer
// called, annoyed" went out in the confirmation), also when the form comes back with an
// error, where the field names both the hint and the error.
func TestTicketNewBodyHint(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		const hint = "Der Kunde liest diesen Text: im Portal und in den E-Mails an den Ansprechpartner"
		page := html.UnescapeString(h.staffC.Get("/admin/tickets/new?company=" + itoa64(h.acme.ID)).Body)
		if !strings.Contains(page, hint) || !strings.Contains(page, `aria-describedby="h-body"`) {
			t.Fatalf("new ticket form lacks the hint at the description")
		}
		r := h.staffC.Post("/admin/tickets", url.Values{"company_id": {itoa64(h.acme.ID)}, "contact_id": {itoa64(h.anna.ID)},
			"title": {"Anruf"}, "body": {""}, "priority": {"2"}})
		if body := html.UnescapeString(r.Body); r.Status != 422 || !strings.Contains(body, hint) ||
			!strings.Contains(body, `aria-describedby="h-body e-body"`) {
			t.Fatalf("refused form: %d, hint %v", r.Status, strings.Contains(body, hint))
		}
	})
}

// TestKBCategoryAllErrors: a new knowledge-base category with neither a name nor a
// usable position names both at once; the missing name used to appear only after the
// position was put right.
func TestKBCategoryAllErrors(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		r := h.staffC.Post("/admin/kb/categories", url.Values{"name": {"  "}, "position": {"zwei"}})
		body := html.UnescapeString(r.Body)
		if r.Status != 422 || !strings.Contains(body, "Bitte füllen Sie dieses Feld aus.") || !strings.Contains(body, "Bitte geben Sie eine ganze Zahl von 0 bis 9999 ein.") {
			t.Fatalf("empty name and bad position: %d, name message %v", r.Status, strings.Contains(body, "Bitte füllen Sie dieses Feld aus."))
		}
	})
}
