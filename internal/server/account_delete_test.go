package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestDeleteOwnAccount: a wrong password keeps the form with its message; the right one
// anonymises the contact (name, email, phone, external id, password), revokes every
// membership, ends every session, lands on the login page, and tells staff in the inbox
// with the former details; the company keeps its records.
func TestDeleteOwnAccount(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co1, co2 := env.Company(ten, "Kunde AG"), env.Company(ten, "Zweite GmbH")
		ct := env.Contact(ten, "geht@kunde.test", "leave-password-1", "user", co1, co2)
		env.DB.Exec(ctx, `UPDATE contacts SET phone = '+49 1234', external_id = 'ERP-7' WHERE id = ?`, ct.ID)
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		other := env.Client("")
		other.Login("geht@kunde.test", "leave-password-1")
		c := env.Client("")
		c.Login("geht@kunde.test", "leave-password-1")
		if page := c.Get("/account").Body; !strings.Contains(page, `action="/account/delete#delete"`) {
			t.Fatalf("account page lacks the delete section")
		}
		for _, pw := range []string{"", "wrong-password"} {
			r := c.Post("/account/delete", url.Values{"delete_password": {pw}})
			// Refused, the form comes back posting to its card again (#delete, where the
			// browser keeps the page scrolled).
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-delete_password"`) || !strings.Contains(r.Body, `action="/account/delete#delete"`) ||
				!strings.Contains(r.Body, `id="delete"`) {
				t.Errorf("password %q: %d, want the form again with a message", pw, r.Status)
			}
		}
		if !strings.Contains(c.Post("/account/delete", url.Values{"delete_password": {"nope"}}).Body, "nicht Ihr Passwort") {
			t.Errorf("wrong password message missing")
		}
		if c.Get("/").Status != 200 {
			t.Fatalf("a wrong password ended the session")
		}
		r := c.Post("/account/delete", url.Values{"delete_password": {"leave-password-1"}})
		if r.Status != 303 || r.Location != "/login#main" { // not the form's #delete
			t.Fatalf("delete: %d %q", r.Status, r.Location)
		}
		if page := c.Get("/login").Body; !strings.Contains(page, "Ihr Konto wurde gelöscht") {
			t.Errorf("login page lacks the message")
		}
		for _, cl := range []*apptest.Client{c, other} {
			if r := cl.Get("/"); r.Status != 303 {
				t.Errorf("a session survived: %d", r.Status)
			}
		}
		if r := env.Client("").Post("/login", url.Values{"email": {"geht@kunde.test"}, "password": {"leave-password-1"}}); r.Status != 422 {
			t.Errorf("login after deletion: %d", r.Status)
		}
		var first, last, email, phone, hash string
		var ext *string
		env.DB.QueryRow(ctx, `SELECT first_name, last_name, email, phone, password_hash, external_id FROM contacts WHERE id = ?`, ct.ID).
			Scan(&first, &last, &email, &phone, &hash, &ext)
		if first != "" || last != "Gelöschter Kontakt #"+id(ct.ID) || email != access.DeletedEmail(ct.ID) || phone != "" || hash != "" || ext != nil {
			t.Errorf("not anonymised: %q %q %q %q hash=%t ext=%v", first, last, email, phone, hash != "", ext)
		}
		var active, total, sessions int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE contact_id = ? AND access <> 'revoked'`, ct.ID).Scan(&active)
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE contact_id = ?`, ct.ID).Scan(&total)
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, ct.ID).Scan(&sessions)
		if active != 0 || total != 2 || sessions != 0 {
			t.Errorf("memberships %d active of %d, %d sessions", active, total, sessions)
		}
		var n int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'account_deleted' AND contact_id = ?`, ct.ID).Scan(&n)
		if n != 1 {
			t.Errorf("deletion not audited")
		}
		// The contact's earlier events stay, but no longer name the address. (The failed
		// sign-in above came after the deletion, typed by someone: it is not the contact's.)
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND (actor LIKE ? OR target LIKE ?)`,
			ct.ID, "%geht@kunde.test%", "%geht@kunde.test%").Scan(&n)
		if n != 0 {
			t.Errorf("%d audit entries of the contact still name the deleted address", n)
		}
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ?`, ct.ID).Scan(&n)
		if n < 3 {
			t.Errorf("the contact's events are gone: %d left", n)
		}
		// Staff are told, with the former details.
		s := env.Client("")
		s.AdminLogin("agent@service.test", "agent-password-1")
		list := s.Get("/admin/inbox?kind=account_deleted").Body
		if !strings.Contains(list, "geht@kunde.test") || !strings.Contains(s.Get("/admin/").Body, "Postkorb (1)") {
			t.Fatalf("inbox lacks the deleted account:\n%.2000s", list)
		}
		var item int64
		env.DB.QueryRow(ctx, `SELECT id FROM inbox_items WHERE kind = 'account_deleted'`).Scan(&item)
		page := s.Get("/admin/inbox/" + id(item)).Body
		for _, want := range []string{"geht@kunde.test", "+49 1234", "ERP-7", "Kunde AG, Zweite GmbH"} {
			if !strings.Contains(page, want) {
				t.Errorf("item page lacks %q", want)
			}
		}
		// Not a registration: no approve, but done.
		if r := s.Post("/admin/inbox/"+id(item)+"/approve", url.Values{"company_id": {id(co1.ID)}, "role": {"user"}}); r.Status != 404 {
			t.Errorf("approve an account_deleted item: %d", r.Status)
		}
		if r := s.Post("/admin/inbox/"+id(item)+"/done", nil); r.Status != 303 {
			t.Fatalf("done: %d", r.Status)
		}
		if page := s.Get("/admin/inbox/" + id(item)).Body; !strings.Contains(page, "Erledigt") || !strings.Contains(page, "von agent@service.test") {
			t.Errorf("done item does not say who")
		}
	})
}
