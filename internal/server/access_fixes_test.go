package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// membershipOf loads the membership of the contact with email in company.
func membershipOf(t *testing.T, env *apptest.Env, tenantID, companyID int64, email string) contact.Membership {
	t.Helper()
	ms, err := contact.MembershipsOfCompany(context.Background(), env.DB, tenantID, companyID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Email == email {
			return m
		}
	}
	t.Fatalf("no membership of %s", email)
	return contact.Membership{}
}

// TestColleagueInviteNeedsConsent: a main contact who invites the address of an
// existing contact (of another customer) adds nobody at once: the membership is
// "invited" under the name the main contact typed, exactly as for an unknown address,
// and becomes active only when the person accepts with their own password.
func TestColleagueInviteNeedsConsent(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co, other := env.Company(ten, "Kunde AG"), env.Company(ten, "Andere AG")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		ext := env.Contact(ten, "extern@andere.test", "ext-password", "user", other)
		if _, err := env.DB.Exec(context.Background(), `UPDATE contacts SET first_name = 'Erika', last_name = 'Geheim' WHERE id = ?`, ext.ID); err != nil {
			t.Fatal(err)
		}
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		for _, f := range []url.Values{
			{"first_name": {"Max"}, "last_name": {"Getippt"}, "email": {"extern@andere.test"}, "role": {"user"}},
			{"first_name": {"Nina"}, "last_name": {"Neu"}, "email": {"neu@kunde.test"}, "role": {"user"}},
		} {
			if r := c.Post("/colleagues", f); r.Status != 303 {
				t.Fatalf("invite %s: %d", f.Get("email"), r.Status)
			}
		}
		page := c.Get("/colleagues").Body
		if strings.Contains(page, "Erika") || strings.Contains(page, "Geheim") || !strings.Contains(page, "Max Getippt") {
			t.Errorf("the page reveals the existing contact's stored name:\n%.4000s", page)
		}
		known, unknown := membershipOf(t, env, ten.ID, co.ID, "extern@andere.test"), membershipOf(t, env, ten.ID, co.ID, "neu@kunde.test")
		if known.Access != contact.AccessInvited || unknown.Access != contact.AccessInvited {
			t.Fatalf("states known %q, unknown %q: want both invited", known.Access, unknown.Access)
		}
		// Not a member yet: the existing contact cannot switch to the company.
		x := env.Client("")
		x.Login("extern@andere.test", "ext-password")
		if r := x.Post("/company", url.Values{"company_id": {id(co.ID)}}); r.Status != 404 {
			t.Errorf("switch into the company before accepting: %d", r.Status)
		}
		subject, text := lastMailTo(t, env, "extern@andere.test")
		if !strings.Contains(subject, "Kunde AG") {
			t.Errorf("invitation subject %q", subject)
		}
		link := linkIn(t, text)
		g := env.Client("")
		if r := g.Get(link); r.Status != 200 || strings.Contains(r.Body, "password_confirm") || !strings.Contains(r.Body, "Einladung annehmen") ||
			!strings.Contains(r.Body, "zur Firma „Kunde AG“ eingeladen") {
			t.Errorf("invitation page for a contact with a password: %d\n%.3000s", r.Status, r.Body)
		}
		// Titled for what it asks (it sets no password), refused or not.
		if r := g.Get(link); !strings.Contains(r.Body, "<title>Einladung annehmen · ") {
			t.Errorf("invitation page for a contact with a password is not titled \"Einladung annehmen\"")
		}
		if r := g.Post(link, url.Values{"password": {"wrong-password"}}); r.Status != 422 || !strings.Contains(r.Body, "Das ist nicht das Passwort Ihres Kontos.") ||
			!strings.Contains(r.Body, "<title>Einladung annehmen · ") {
			t.Errorf("wrong password: %d", r.Status)
		}
		_, newText := lastMailTo(t, env, "neu@kunde.test")
		if r := env.Client("").Get(linkIn(t, newText)); r.Status != 200 || !strings.Contains(r.Body, "<title>Passwort festlegen · ") {
			t.Errorf("invitation page for a new account: %d, want it titled \"Passwort festlegen\"", r.Status)
		}
		if m := membershipOf(t, env, ten.ID, co.ID, "extern@andere.test"); m.Access != contact.AccessInvited {
			t.Errorf("a wrong password accepted the invitation: %q", m.Access)
		}
		if r := g.Post(link, url.Values{"password": {"ext-password"}}); r.Status != 303 {
			t.Fatalf("accept: %d", r.Status)
		}
		if m := membershipOf(t, env, ten.ID, co.ID, "extern@andere.test"); m.Access != contact.AccessActive {
			t.Errorf("after accepting: %q", m.Access)
		}
		// The password stays; the other company too.
		env.Client("").Login("extern@andere.test", "ext-password")
		if m := membershipOf(t, env, ten.ID, other.ID, "extern@andere.test"); m.Access != contact.AccessActive {
			t.Errorf("other company: %q", m.Access)
		}
		if page := c.Get("/colleagues").Body; !strings.Contains(page, "Erika Geheim") {
			t.Errorf("after accepting, the page shows the person's own name")
		}
		// The used link says what may have happened, not "sign in with your password"
		// (the reader of a replaced link may have none).
		if r := env.Client("").Get(link); r.Status != 410 || !strings.Contains(r.Body, "neueste Einladungs-E-Mail") {
			t.Errorf("used invitation link: %d", r.Status)
		}
		// The log tells invitation from grant.
		var sent, accepted int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'invitation_sent'`).Scan(&sent)
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'invitation_accepted' AND target = 'Kunde AG'`).Scan(&accepted)
		if sent != 2 || accepted != 1 {
			t.Errorf("audit: %d invitations sent, %d accepted; want 2 and 1", sent, accepted)
		}
	})
}

// TestEmailChangeCancelsResetLink: a reset link mailed to a contact's old address stops
// working once staff change the address.
func TestEmailChangeCancelsResetLink(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "alt@kunde.test", "old-password-1", "user", co)
		ctx := context.Background()
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		c := env.Client("")
		if r := c.Post("/password/forgot", url.Values{"email": {"alt@kunde.test"}}); r.Status != 200 {
			t.Fatalf("forgot: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "alt@kunde.test")
		link := strings.TrimPrefix(mustRE(`https?://\S+/password/reset/\S+`).FindString(text), env.Srv.URL)
		if !strings.HasPrefix(link, "/password/reset/") {
			t.Fatalf("no reset link in:\n%s", text)
		}
		fixed, err := contact.Get(ctx, env.DB, ten.ID, ct.ID)
		if err != nil {
			t.Fatal(err)
		}
		fixed.Email = "neu@kunde.test"
		if err := env.App.Access.UpdateContact(ctx, ten, access.Actor{Label: "staff:1 admin@service.test"}, fixed, "http://portal.test"); err != nil {
			t.Fatal(err)
		}
		if r := env.Client("").Post(link, url.Values{"password": {"taken-over-1"}, "password_confirm": {"taken-over-1"}}); r.Status != 410 {
			t.Errorf("reset link to the old address still works: %d", r.Status)
		}
		env.Client("").Login("neu@kunde.test", "old-password-1")
	})
}

// tableCounts counts the rows of every table that a forgot-password request could
// write to.
func tableCounts(t *testing.T, d *db.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range []string{"login_failures", "reset_requests", "jobs", "tokens", "mails", "audit_log", "sessions"} {
		var n int
		if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM `+tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}

// TestForgotPasswordSameWork: the request for a known address writes exactly the rows
// a request for an unknown one writes (no token, mail or audit entry in the request),
// so its timing tells nothing; the worker then mails only the known address. Run on a
// database without a running worker, so the request's own writes can be counted.
func TestForgotPasswordSameWork(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		env := &apptest.Env{T: t, DB: d}
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "bekannt@kunde.test", "pw-bekannt-1", "user", co)
		svc := &access.Service{DB: d, Now: time.Now}
		ctx := context.Background()
		delta := func(email, ip string) map[string]int {
			before := tableCounts(t, d)
			if err := svc.RequestReset(ctx, ten, email, "https://portal.test", access.Client{IP: ip}); err != nil {
				t.Fatal(err)
			}
			after := tableCounts(t, d)
			for k := range after {
				after[k] -= before[k]
			}
			return after
		}
		known, unknown := delta("bekannt@kunde.test", "192.0.2.1"), delta("niemand@kunde.test", "192.0.2.2")
		for k := range known {
			if known[k] != unknown[k] {
				t.Errorf("%s: known address wrote %d rows, unknown %d", k, known[k], unknown[k])
			}
		}
		if known["tokens"]+known["mails"]+known["audit_log"] != 0 {
			t.Errorf("the request itself issued a link or a mail: %v", known)
		}
		// The worker answers: a mail for the known address only.
		for {
			j, ok, err := jobs.Claim(ctx, d, "test", time.Now(), time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			if j.Kind == access.ResetJobKind {
				if err := svc.RunResetJob(ctx, j); err != nil {
					t.Fatal(err)
				}
			}
			if err := jobs.Complete(ctx, d, j.ID, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		var toKnown, toUnknown, left int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = 'bekannt@kunde.test'`).Scan(&toKnown)
		d.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = 'niemand@kunde.test'`).Scan(&toUnknown)
		d.QueryRow(ctx, `SELECT COUNT(*) FROM reset_requests`).Scan(&left)
		if toKnown != 1 || toUnknown != 0 || left != 0 {
			t.Errorf("after the worker: %d mails to the known, %d to the unknown address, %d requests left", toKnown, toUnknown, left)
		}
	})
}

// TestRegistrationWithAccessAlready: someone who already has access to the company
// their domain points to and registers again gets a mail saying so; nothing lands in
// the approval queue, and their role and session stay.
func TestRegistrationWithAccessAlready(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		setDomains(t, env, co.ID, "kunde.test")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration, tenant.FeatureMainApproves}); err != nil {
			t.Fatal(err)
		}
		boss := env.Client("")
		boss.Login("chefin@kunde.test", "boss-password")
		c := env.Client("")
		link := confirmLink(t, env, c, "chefin@kunde.test", "Kunde AG")
		if r := c.Post(link, nil); r.Status != 200 {
			t.Fatalf("confirm: %d", r.Status)
		}
		subject, text := lastMailTo(t, env, "chefin@kunde.test")
		if !strings.Contains(subject, "bereits Zugang") || !strings.Contains(text, "/login") {
			t.Errorf("mail after the registration: %q\n%s", subject, text)
		}
		var items int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM inbox_items WHERE email = 'chefin@kunde.test'`).Scan(&items)
		if items != 0 {
			t.Errorf("%d inbox items for someone who has access already", items)
		}
		if m := membershipOf(t, env, ten.ID, co.ID, "chefin@kunde.test"); m.Role != "main" || m.Access != contact.AccessActive {
			t.Errorf("membership changed: %s %s", m.Role, m.Access)
		}
		if r := boss.Get("/colleagues"); r.Status != 200 {
			t.Errorf("session ended: %d", r.Status)
		}
	})
}

// TestAccountExportHidesOthers: the data export keeps the contact's own events in full
// but names staff and colleagues only as "staff" and "colleague", without their IPs.
func TestAccountExportHidesOthers(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		me := env.Contact(ten, "ich@kunde.test", "my-password-1", "user", co)
		ctx, now := context.Background(), time.Now()
		audit.LogFor(ctx, env.DB, ten.ID, me.ID, "staff:1 admin@service.test", audit.AccessGranted, "x", "10.9.9.9", now)
		audit.LogFor(ctx, env.DB, ten.ID, me.ID, "contact:999 kollege@kunde.test", audit.RoleChanged, "x", "10.8.8.8", now)
		c := env.Client("")
		c.Login("ich@kunde.test", "my-password-1")
		r := c.Post("/account/export", nil)
		if r.Status != 200 {
			t.Fatalf("export: %d", r.Status)
		}
		for _, leak := range []string{"admin@service.test", "10.9.9.9", "kollege@kunde.test", "10.8.8.8"} {
			if strings.Contains(r.Body, leak) {
				t.Errorf("export shows %q:\n%s", leak, r.Body)
			}
		}
		var out struct {
			Events []struct{ Action, By, IP string } `json:"security_events"`
		}
		if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
			t.Fatal(err)
		}
		by := map[string]string{}
		for _, ev := range out.Events {
			by[ev.Action] = ev.By
			if ev.Action == audit.LoginOK && (ev.IP == "" || !strings.Contains(ev.By, "ich@kunde.test")) {
				t.Errorf("own sign-in lost its details: %+v", ev)
			}
		}
		if by[audit.AccessGranted] != "staff" || by[audit.RoleChanged] != "colleague" {
			t.Errorf("actors: %v", by)
		}
	})
}
