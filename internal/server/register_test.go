package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

var confirmRE = mustRE(`https?://[^/\s]+(/register/confirm/[A-Za-z0-9_-]+)`)

// registerForm is a complete, valid registration.
func registerForm(email, company string) url.Values {
	return url.Values{"first_name": {"Rita"}, "last_name": {"Neu"}, "email": {email}, "company": {company},
		"phone": {"+49 711 123456"}}
}

// confirmLink registers email and returns the path of the confirmation link mailed.
func confirmLink(t *testing.T, env *apptest.Env, c *apptest.Client, email, company string) string {
	t.Helper()
	if r := c.Post("/register", registerForm(email, company)); r.Status != 200 {
		t.Fatalf("register %s: %d %.300s", email, r.Status, r.Body)
	}
	subject, text := lastMailTo(t, env, email)
	m := confirmRE.FindStringSubmatch(text)
	if m == nil || !strings.Contains(subject, "bestätigen") {
		t.Fatalf("no confirmation link for %s (%q):\n%s", email, subject, text)
	}
	return m[1]
}

// registered registers and confirms email; it returns the inbox item's id.
func registered(t *testing.T, env *apptest.Env, c *apptest.Client, email, company string) int64 {
	t.Helper()
	link := confirmLink(t, env, c, email, company)
	if r := c.Post(link, nil); r.Status != 200 {
		t.Fatalf("confirm %s: %d", email, r.Status)
	}
	var id int64
	if err := env.DB.QueryRow(context.Background(), `SELECT id FROM inbox_items WHERE email = ? AND kind = 'registration'
		ORDER BY id DESC LIMIT 1`, email).Scan(&id); err != nil {
		t.Fatalf("no inbox item for %s: %v", email, err)
	}
	return id
}

func setDomains(t *testing.T, env *apptest.Env, companyID int64, domains string) {
	t.Helper()
	if _, err := env.DB.Exec(context.Background(), `UPDATE companies SET email_domains = ? WHERE id = ?`, domains, companyID); err != nil {
		t.Fatal(err)
	}
}

// TestRegistrationInput: the switch shows the link; bad input is refused next to the
// field with what was typed; wrong, reused and expired links get a clear page; an
// address that already has an account gets exactly the same answer.
func TestRegistrationInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "bekannt@kunde.test", "known-password-1", "user", co)
		c := env.Client("")
		if r := c.Get("/register"); r.Status != 404 || strings.Contains(c.Get("/login").Body, `href="/register"`) {
			t.Fatalf("registration offered although switched off: %d", r.Status)
		}
		if r := c.Post("/register", registerForm("x@kunde.test", "X")); r.Status != 404 {
			t.Fatalf("POST /register while off: %d", r.Status)
		}
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		c = env.Client("x.test")
		if !strings.Contains(c.Get("/login").Body, `href="/register"`) {
			t.Fatalf("login page lacks the registration link")
		}
		long := strings.Repeat("x", 101)
		for name, tc := range map[string]struct {
			field, value, keep, msg string
		}{
			"empty first name": {"first_name", "", "", "Bitte füllen Sie"},
			"empty company":    {"company", "", "", "Bitte füllen Sie"},
			"empty email":      {"email", "", "", "Bitte füllen Sie"},
			"too long name":    {"last_name", long, long, "höchstens"},
			"malformed email":  {"email", "kein-at", "kein-at", "E-Mail-Adresse"},
			"too long email":   {"email", strings.Repeat("a", 250) + "@x.de", "", "höchstens"},
			"bad phone":        {"phone", "call me", "call me", "Telefonnummer"},
			"short phone":      {"phone", "12", "12", "Telefonnummer"},
		} {
			form := registerForm("neu@kunde.test", "Kunde AG")
			form.Set(tc.field, tc.value)
			r := c.Post("/register", form)
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-`+tc.field+`"`) || !strings.Contains(r.Body, tc.msg) {
				t.Errorf("%s: %d, want 422 with a message at %s:\n%.1500s", name, r.Status, tc.field, r.Body)
			}
			if tc.keep != "" && !strings.Contains(r.Body, `value="`+tc.keep+`"`) {
				t.Errorf("%s: typed value lost", name)
			}
			if !strings.Contains(r.Body, `value="Kunde AG"`) && tc.field != "company" {
				t.Errorf("%s: other fields lost", name)
			}
		}
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM mails`).Scan(&n)
		if n != 0 {
			t.Errorf("bad input sent %d mails", n)
		}
		// Known and unknown addresses: the same answer, a link for each.
		known := c.Post("/register", registerForm("bekannt@kunde.test", "Kunde AG"))
		unknown := c.Post("/register", registerForm("neu@kunde.test", "Kunde AG"))
		norm := func(s string) string { return strings.NewReplacer("bekannt@", "X@", "neu@", "X@").Replace(s) }
		if known.Status != 200 || norm(known.Body) != norm(unknown.Body) {
			t.Errorf("known and unknown addresses answer differently")
		}
		_, knownText := lastMailTo(t, env, "bekannt@kunde.test")
		_, newText := lastMailTo(t, env, "neu@kunde.test")
		if norm(confirmRE.ReplaceAllString(knownText, "L")) != norm(confirmRE.ReplaceAllString(newText, "L")) {
			t.Errorf("the confirmation mails differ:\n%s\n---\n%s", knownText, newText)
		}
		link := confirmRE.FindStringSubmatch(newText)[1]
		// Wrong token, then the real one twice, then an expired one.
		if r := c.Get("/register/confirm/not-a-token"); r.Status != 410 || !strings.Contains(r.Body, "ungültig") {
			t.Errorf("wrong token: %d", r.Status)
		}
		if r := c.Post("/register/confirm/not-a-token", nil); r.Status != 410 {
			t.Errorf("wrong token submit: %d", r.Status)
		}
		if r := c.Get(link); r.Status != 200 || !strings.Contains(r.Body, "neu@kunde.test") {
			t.Errorf("confirmation page: %d", r.Status)
		}
		if r := c.Post(link, nil); r.Status != 200 || !strings.Contains(r.Body, "bestätigt") {
			t.Errorf("confirm: %d", r.Status)
		}
		if r := c.Post(link, nil); r.Status != 410 || !strings.Contains(r.Body, "bereits verwendet") || !strings.Contains(r.Body, "wird geprüft") {
			t.Errorf("reused link: %d", r.Status)
		}
		subject, _ := lastMailTo(t, env, "neu@kunde.test")
		if !strings.Contains(subject, "eingegangen") {
			t.Errorf("no 'received' mail: %q", subject)
		}
		expired := confirmLink(t, env, c, "spaet@kunde.test", "Kunde AG")
		env.DB.Exec(context.Background(), `UPDATE tokens SET expires_at = ? WHERE purpose = 'register' AND used_at IS NULL`,
			time.Now().Add(-time.Second).Unix())
		if r := c.Post(expired, nil); r.Status != 410 || !strings.Contains(r.Body, "abgelaufen") {
			t.Errorf("expired link: %d", r.Status)
		}
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM inbox_items`).Scan(&n)
		if n != 1 {
			t.Errorf("%d inbox items, want 1 (only the confirmed one)", n)
		}
		// Requests for one address are throttled: the sixth within 15 minutes mails nothing.
		for range 6 {
			c.Post("/register", registerForm("flut@kunde.test", "Kunde AG"))
		}
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM mails WHERE to_addr = 'flut@kunde.test'`).Scan(&n)
		if n > 5 {
			t.Errorf("%d confirmation mails: not throttled", n)
		}
	})
}

// TestRegistrationStaff: a confirmed registration lands in the inbox with the company
// of its domain suggested and the count in the navigation; staff approve it (a new
// contact with an invitation to set a password) or reject it (a mail with the reason);
// an address of an existing contact gives that contact access; each item shows who
// handled it.
func TestRegistrationStaff(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		other := env.Company(ten, "Andere GmbH")
		setDomains(t, env, co.ID, "kunde.test")
		env.Contact(ten, "bekannt@andere.test", "known-password-1", "user", other)
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration})
		c := env.Client("")
		newID := registered(t, env, c, "rita@kunde.test", "Kunde AG")
		knownID := registered(t, env, c, "bekannt@andere.test", "Andere")
		noID := registered(t, env, c, "wer@nirgends.test", "Niemand")

		s := env.Client("")
		s.AdminLogin("agent@service.test", "agent-password-1")
		if r := s.Get("/admin/"); !strings.Contains(r.Body, "Postkorb (3)") {
			t.Errorf("navigation lacks the open count")
		}
		list := s.Get("/admin/inbox").Body
		for _, want := range []string{"rita@kunde.test", "bekannt@andere.test", "Vorschlag: Kunde AG"} {
			if !strings.Contains(list, want) {
				t.Errorf("inbox list lacks %q", want)
			}
		}
		page := s.Get("/admin/inbox/" + id(newID)).Body
		if !strings.Contains(page, `<option value="`+id(co.ID)+`" selected>`) {
			t.Errorf("suggested company not preselected:\n%.3000s", page)
		}
		// A company that gets the domain after the registration arrived is suggested too.
		if !strings.Contains(s.Get("/admin/inbox/"+id(noID)).Body, "Keine Firma hat die E-Mail-Domain nirgends.test") {
			t.Errorf("unknown domain not pointed out")
		}
		later := env.Company(ten, "Nirgends KG")
		setDomains(t, env, later.ID, "nirgends.test")
		if p := s.Get("/admin/inbox/" + id(noID)).Body; !strings.Contains(p, `<option value="`+id(later.ID)+`" selected>`) {
			t.Errorf("company with the domain added later not suggested")
		}
		if !strings.Contains(s.Get("/admin/inbox/"+id(knownID)).Body, "gehört schon zu einem Kontakt") {
			t.Errorf("existing contact not pointed out to staff")
		}
		// Approve: without company, refused next to the field.
		if r := s.Post("/admin/inbox/"+id(newID)+"/approve", url.Values{"company_id": {""}, "role": {"user"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "Bitte wählen Sie eine Firma") {
			t.Errorf("approve without company: %d", r.Status)
		}
		if r := s.Post("/admin/inbox/"+id(newID)+"/approve", url.Values{"company_id": {id(co.ID)}, "role": {"main"}}); r.Status != 303 {
			t.Fatalf("approve: %d", r.Status)
		}
		subject, text := lastMailTo(t, env, "rita@kunde.test")
		if !strings.Contains(subject, "freigegeben") {
			t.Errorf("approval mail subject %q", subject)
		}
		n1 := env.Client("")
		if r := n1.Post(linkIn(t, text), url.Values{"password": {"rita-password-1"}, "password_confirm": {"rita-password-1"}}); r.Status != 303 {
			t.Fatalf("set password from approval mail: %d", r.Status)
		}
		env.Client("").Login("rita@kunde.test", "rita-password-1")
		if r := n1.Get("/colleagues"); r.Status != 200 || !strings.Contains(r.Body, "Kunde AG") {
			t.Errorf("approved as main contact, but: %d", r.Status)
		}
		// A second decision on the same item is refused; it was the same staff member's.
		// The answer is the item's page (409) saying so, with the typed reason kept.
		again := s.Post("/admin/inbox/"+id(newID)+"/reject", url.Values{"reason": {"zu spät"}})
		if again.Status != 409 || !strings.Contains(again.Body, "Sie haben diesen Eintrag bereits am") ||
			!strings.Contains(again.Body, "zu spät") || !strings.Contains(again.Body, "von agent@service.test") {
			t.Errorf("second decision: %d, lacks the message, the typed reason or who handled it:\n%.3000s", again.Status, again.Body)
		}
		// The existing contact is given access to the chosen company, no new contact.
		if r := s.Post("/admin/inbox/"+id(knownID)+"/approve", url.Values{"company_id": {id(co.ID)}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("approve existing: %d", r.Status)
		}
		var contacts, access int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM contacts WHERE email = 'bekannt@andere.test'`).Scan(&contacts)
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM memberships m JOIN contacts c ON c.id = m.contact_id
			WHERE c.email = 'bekannt@andere.test' AND m.access = 'active'`).Scan(&access)
		if contacts != 1 || access != 2 {
			t.Errorf("existing contact: %d contacts, %d active memberships; want 1, 2", contacts, access)
		}
		if subject, text := lastMailTo(t, env, "bekannt@andere.test"); !strings.Contains(subject, "freigegeben") || !strings.Contains(text, "/login") {
			t.Errorf("existing contact's approval mail: %q\n%s", subject, text)
		}
		// Reject: a reason is required and mailed.
		if r := s.Post("/admin/inbox/"+id(noID)+"/reject", url.Values{"reason": {" "}}); r.Status != 422 || !strings.Contains(r.Body, `id="e-reason"`) {
			t.Errorf("reject without reason: %d", r.Status)
		}
		if r := s.Post("/admin/inbox/"+id(noID)+"/reject", url.Values{"reason": {"Kein Kunde von uns"}}); r.Status != 303 {
			t.Fatalf("reject: %d", r.Status)
		}
		if subject, text := lastMailTo(t, env, "wer@nirgends.test"); !strings.Contains(text, "Kein Kunde von uns") {
			t.Errorf("rejection mail %q lacks the reason:\n%s", subject, text)
		}
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM contacts WHERE email = 'wer@nirgends.test'`).Scan(&n)
		if n != 0 {
			t.Errorf("a rejected registration created a contact")
		}
		// Filters and counts.
		if r := s.Get("/admin/"); strings.Contains(r.Body, "Postkorb (") {
			t.Errorf("count shown with nothing open")
		}
		if r := s.Get("/admin/inbox"); !strings.Contains(r.Body, "Hier liegt nichts") {
			t.Errorf("open filter shows handled items")
		}
		if r := s.Get("/admin/inbox?state=declined"); !strings.Contains(r.Body, "wer@nirgends.test") || strings.Contains(r.Body, "rita@") {
			t.Errorf("declined filter wrong")
		}
		if r := s.Get("/admin/inbox?state=all&kind=account_deleted"); strings.Contains(r.Body, "rita@") {
			t.Errorf("kind filter wrong")
		}
		if r := s.Get("/admin/inbox?state=all&kind=registration"); strings.Count(r.Body, `href="/admin/inbox/`) != 3 {
			t.Errorf("all registrations: want 3 rows")
		}
		var actions string
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action IN ('registration_approved',
			'registration_rejected', 'registration_confirmed')`).Scan(&n)
		if n != 6 {
			t.Errorf("%d audit entries for registrations, want 6 %s", n, actions)
		}
	})
}
