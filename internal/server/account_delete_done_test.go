package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDeletedAccountNoticeDone: the notice of a deleted account shows staff the former
// details while it is open and says that marking it done removes them; once done it
// keeps only what the audit log keeps (the contact's number under the placeholder, the
// companies), the entry of the decision names the placeholder, not the former name,
// and the item cannot be reopened.
func TestDeletedAccountNoticeDone(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		item := ulaDeletesOwnAccount(t, d)
		page := "/admin/inbox/" + id(item)
		leaks := []string{"ula@alpha.test", "Ulrike", "Lohmeyer", "7778899"}
		open := d.admin.Get(page).Body
		for _, want := range append(leaks, "verliert der Eintrag sie endgültig", "Alpha GmbH") {
			if !strings.Contains(open, want) {
				t.Errorf("open notice lacks %q", want)
			}
		}
		if r := d.admin.Post(page+"/done", nil); r.Status != 303 {
			t.Fatalf("done: %d", r.Status)
		}
		anon := "Gelöschter Kontakt #" + id(d.ula)
		done := d.admin.Get(page).Body
		shown := done + d.admin.Get("/admin/inbox?state=done").Body + d.admin.Get("/admin/audit?action=inbox_done").Body +
			d.admin.Get("/admin/audit").Body
		for _, leak := range leaks {
			if strings.Contains(shown, leak) {
				t.Errorf("after done, the back office still shows %q", leak)
			}
		}
		var payload, email string
		d.env.DB.QueryRow(ctx, `SELECT payload, email FROM inbox_items WHERE id = ?`, item).Scan(&payload, &email)
		for _, leak := range leaks {
			if strings.Contains(payload, leak) || strings.Contains(email, leak) {
				t.Errorf("stored item still holds %q: %s %s", leak, email, payload)
			}
		}
		var p access.AccountDeletedPayload
		if err := json.Unmarshal([]byte(payload), &p); err != nil || p.ContactID != d.ula || len(p.Companies) != 1 || p.Companies[0] != "Alpha GmbH" {
			t.Errorf("payload after done: %s (%v)", payload, err)
		}
		if !strings.Contains(done, `id="former-removed"`) || !strings.Contains(done, anon) || !strings.Contains(done, "von agent@desk.test") {
			t.Errorf("done notice does not say the details were removed, or who marked it done")
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'inbox_done' AND target = ? AND ? > 0`, anon, 1); n != 1 {
			t.Errorf("the decision is audited %d times under the placeholder, want 1", n)
		}
		if strings.Contains(done, page+"/reopen") {
			t.Errorf("the emptied notice offers reopening")
		}
		if r := d.admin.Post(page+"/reopen", nil); r.Status != 404 {
			t.Errorf("reopen an emptied notice: %d, want 404", r.Status)
		}
		ct, err := contact.Get(ctx, d.env.DB, d.t.ID, d.ula)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := d.env.App.Access.DeletedAccountLeftovers(ctx, ct); err != nil || n != 0 {
			t.Errorf("leftovers after done: %d %v", n, err)
		}
	})
}

// TestOnlyMainContactDeletesAccount: a company's only active main contact is warned on
// "delete my account" (the company and the provider named, and how to hand the role
// on first, in the contact's language,
// also on the form refused for a wrong password); a user, or a main contact beside
// another, is not. Once deleted, the back office's notice names the company left
// without a main contact, linked, also after it is done.
func TestOnlyMainContactDeletesAccount(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		warn := `id="delete-last-main"`
		bob := d.as("bob@beta.test", "bob-password-1")
		if body := bob.Get("/account").Body; !strings.Contains(body, warn) ||
			!strings.Contains(body, "Sie sind der einzige Hauptkontakt von Beta AG") || !strings.Contains(body, "bis Desk einen anderen") ||
			!strings.Contains(body, "machen Sie vorher auf der Seite Kollegen einen Kollegen zum Hauptkontakt") {
			t.Errorf("the only main contact is not warned:\n%.300s", body[max(0, strings.Index(body, `id="delete"`)):])
		}
		if r := bob.Post("/account/delete", url.Values{"delete_password": {"wrong"}}); r.Status != 422 || !strings.Contains(r.Body, warn) {
			t.Errorf("refused form: %d, warning kept: %t", r.Status, strings.Contains(r.Body, warn))
		}
		d.env.DB.Exec(ctx, `UPDATE contacts SET language = 'en' WHERE id = ?`, d.bob)
		bobEn := d.as("bob@beta.test", "bob-password-1")
		if body := bobEn.Get("/account").Body; !strings.Contains(body, "You are the only main contact of Beta AG") {
			t.Errorf("the warning is not in the contact's language")
		}
		if strings.Contains(d.as("uwe@alpha.test", "uwe-password-1").Get("/account").Body, warn) {
			t.Errorf("a user is warned")
		}
		d.env.DB.Exec(ctx, `UPDATE memberships SET role = 'main' WHERE contact_id = ?`, d.ula)
		if strings.Contains(d.as("alice@alpha.test", "alice-password").Get("/account").Body, warn) {
			t.Errorf("a main contact beside another is warned")
		}

		if r := bobEn.Post("/account/delete", url.Values{"delete_password": {"bob-password-1"}}); r.Status != 303 {
			t.Fatalf("delete: %d", r.Status)
		}
		var item int64
		if err := d.env.DB.QueryRow(ctx, `SELECT id FROM inbox_items WHERE contact_id = ? AND kind = 'account_deleted'`, d.bob).Scan(&item); err != nil {
			t.Fatal(err)
		}
		link := `href="/admin/companies/` + id(d.b.ID) + `"`
		for _, when := range []string{"open", "done"} {
			if when == "done" {
				if r := d.admin.Post("/admin/inbox/"+id(item)+"/done", nil); r.Status != 303 {
					t.Fatalf("done: %d", r.Status)
				}
			}
			body := d.admin.Get("/admin/inbox/" + id(item)).Body
			if !strings.Contains(body, `id="last-main"`) || !strings.Contains(body, "Ohne Hauptkontakt") || !strings.Contains(body, link) {
				t.Errorf("%s notice does not name the company left without a main contact", when)
			}
		}
		// Ula deleting hers leaves Alpha with Alice: her notice says nothing of it.
		ulaItem := ulaDeletesOwnAccount(t, d)
		if strings.Contains(d.admin.Get("/admin/inbox/"+id(ulaItem)).Body, `id="last-main"`) {
			t.Errorf("a main contact beside another is reported as the only one")
		}
	})
}
