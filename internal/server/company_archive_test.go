package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// archiveWorld is a desk (Alpha GmbH with alice, uwe and ula; Beta AG with bob) plus
// multi, a contact of both and of Gamma KG, and a staff client.
type archiveWorld struct {
	*desk
	multi int64
	staff *apptest.Client
	path  string // Alpha's page in the back office
}

func newArchiveWorld(t *testing.T, e db.Engine) (*archiveWorld, func(from, to, headers, body string)) {
	d, send := mailDesk(t, e)
	w := &archiveWorld{desk: d, path: "/admin/companies/" + id(d.a.ID)}
	w.multi = d.env.Contact(d.t, "multi@gamma.test", "multi-password", "user", d.a, d.b, d.env.Company(d.t, "Gamma KG")).ID
	w.staff = d.env.Client("desk.test")
	w.staff.AdminLogin("agent@desk.test", "agent-password")
	return w, send
}

// follow posts form to path and returns the page the redirect leads to.
func follow(t *testing.T, c *apptest.Client, path string, form url.Values) string {
	t.Helper()
	r := c.Post(path, form)
	if r.Status != 303 {
		t.Fatalf("POST %s: %d %.300s", path, r.Status, r.Body)
	}
	return c.Get(r.Location).Body
}

// TestCompanyArchiveAccess: staff see what archiving Alpha does (three contacts lose
// access, one keeps Beta and Gamma, one open ticket stays), archive it (audited, banner
// with date and name), and at once Alpha's sessions end, nobody signs in to it, the
// chooser and the switcher leave it out, an open invitation opens nothing, staff cannot
// grant access; a contact of Beta works on. Restoring brings every membership's access
// back as it was. Archiving twice and restoring twice change and log nothing.
func TestCompanyArchiveAccess(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		ctx := context.Background()
		alice := w.as("alice@alpha.test", "alice-password")
		ticketID := w.open(t, alice, "Drucker streikt")
		multi := w.as("multi@gamma.test", "multi-password")
		bob := w.as("bob@beta.test", "bob-password-1")
		uweM := memberships(t, w.env, w.t.ID, w.uwe)[0]
		if err := contact.SetAccess(ctx, w.env.DB, w.t.ID, uweM, "", contact.AccessRevoked, now()); err != nil {
			t.Fatal(err)
		}

		// nina, invited by staff, has not set her password yet.
		ninaM := memberships(t, w.env, w.t.ID, w.env.Contact(w.t, "nina@alpha.test", "", "user", w.a).ID)[0]
		follow(t, w.staff, "/admin/memberships/"+id(ninaM)+"/grant", url.Values{"role": {"user"}})
		_, text := lastMailTo(t, w.env, "nina@alpha.test")
		link := linkIn(t, text)

		page := w.staff.Get(w.path).Body
		if !strings.Contains(page, `href="`+w.path+`/archive"`) || !strings.Contains(page, "Firma archivieren") {
			t.Fatalf("company page offers no archive action")
		}
		confirm := w.staff.Get(w.path + "/archive")
		for _, want := range []string{"3 Kontakte verlieren den Portalzugang", "1 davon behält den Zugang",
			"1 offenes Ticket bleibt erhalten", "Alpha GmbH archivieren?",
			"1 offene Einladung wartet: ihr Link öffnet nichts, bis die Firma wiederhergestellt ist."} {
			if confirm.Status != 200 || !strings.Contains(confirm.Body, want) {
				t.Errorf("confirmation page (%d) lacks %q", confirm.Status, want)
			}
		}
		if count(t, w.env, `SELECT COUNT(*) FROM companies WHERE archived_at IS NOT NULL`) != 0 {
			t.Fatal("the confirmation page archived already")
		}

		page = follow(t, w.staff, w.path+"/archive", nil)
		if !strings.Contains(page, "Archiviert am") || !strings.Contains(page, "Wiederherstellen") ||
			!strings.Contains(page, `action="`+w.path+`/restore"`) {
			t.Errorf("no archive banner with restore:\n%s", flashOf(page))
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'company_archived' AND target = ?`,
			"company:"+id(w.a.ID)+" Alpha GmbH"); n != 1 {
			t.Errorf("%d archive entries", n)
		}
		if audit := w.staff.Get("/admin/audit").Body; !strings.Contains(audit, "Firma archiviert") {
			t.Errorf("audit log does not name the archive")
		}

		// Sessions in Alpha end at once (deleted, not only refused); Beta's go on.
		if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE company_id = ? AND contact_id IS NOT NULL`, w.a.ID); n != 0 {
			t.Errorf("%d sessions in the archived company left", n)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, w.bob); n != 1 {
			t.Errorf("Beta's contact has %d sessions, want 1", n)
		}
		for name, c := range map[string]*apptest.Client{"alice": alice, "multi": multi} {
			if r := c.Get("/"); r.Status != 303 || r.Location != "/login" {
				t.Errorf("%s's session in the archived company still open: %d %q", name, r.Status, r.Location)
			}
		}
		if r := bob.Get("/"); r.Status != 200 {
			t.Errorf("Beta's contact lost the session: %d", r.Status)
		}
		// Signing in: alice gets the answer of a wrong password, multi lands in Beta only.
		c := w.env.Client("desk.test")
		if r := c.Post("/login", url.Values{"email": {"alice@alpha.test"}, "password": {"alice-password"}}); r.Status == 303 ||
			!strings.Contains(r.Body, "E-Mail-Adresse oder Passwort ist nicht korrekt.") {
			t.Errorf("alice signed in to an archived company: %d %q", r.Status, r.Location)
		}
		m := w.env.Client("desk.test")
		if r := m.Post("/login", url.Values{"email": {"multi@gamma.test"}, "password": {"multi-password"}}); r.Status != 303 || r.Location != "/choose" {
			t.Fatalf("multi's sign-in: %d %q, want the chooser", r.Status, r.Location)
		}
		for _, p := range []string{"/", "/choose"} { // the switcher in the header, the chooser
			if body := m.Get(p).Body; strings.Contains(body, "Alpha GmbH") || !strings.Contains(body, "Beta AG") ||
				!strings.Contains(body, "Gamma KG") {
				t.Errorf("%s offers the archived company, or not the others", p)
			}
		}
		if r := m.Post("/company", url.Values{"company_id": {id(w.a.ID)}}); r.Status != 404 {
			t.Errorf("switch to the archived company: %d", r.Status)
		}
		// nina's invitation opens nothing meanwhile.
		guest := w.env.Client("desk.test")
		if r := guest.Get(link); r.Status >= 500 || strings.Contains(r.Body, `name="password"`) {
			t.Errorf("invitation to an archived company offers a password: %d", r.Status)
		}
		if r := guest.Post(link, url.Values{"password": {"nina-password-1"}, "password_confirm": {"nina-password-1"}}); r.Status != 410 {
			t.Errorf("invitation to an archived company: %d %q, want the dead link's 410", r.Status, r.Location)
		}
		// Staff cannot grant access meanwhile; the ticket and the company page stay.
		if page := follow(t, w.staff, "/admin/memberships/"+id(uweM)+"/grant", url.Values{"role": {"user"}}); !strings.Contains(page, "Bitte zuerst wiederherstellen") {
			t.Errorf("grant in an archived company not refused:\n%s", flashOf(page))
		}
		if r := w.staff.Get("/admin/tickets/" + id(ticketID)); r.Status != 200 || !strings.Contains(r.Body, "Drucker streikt") {
			t.Errorf("archived company's ticket in the back office: %d", r.Status)
		}
		if r := w.staff.Get("/admin/tickets?state=all&company=" + id(w.a.ID)); !strings.Contains(r.Body, "Drucker streikt") {
			t.Errorf("queue filtered by the archived company lost its ticket")
		}
		// Staff answer it; its contacts get the answer like contacts without portal
		// access: by mail, without a link to the portal (ticket_reply_archived_test.go).
		mails := len(w.mailsTo(t, "alice@alpha.test"))
		if r := w.staff.PostMultipart("/admin/tickets/"+id(ticketID)+"/reply", map[string]string{"kind": "reply", "body": "Erledigt"}); r.Status != 303 {
			t.Errorf("reply on the archived company's ticket: %d", r.Status)
		}
		if n := len(w.mailsTo(t, "alice@alpha.test")); n != mails+1 {
			t.Errorf("archived company's contact got %d mails about the reply, want 1", n-mails)
		}

		// Bad input: twice, a restore of a live company.
		if page := follow(t, w.staff, w.path+"/archive", nil); !strings.Contains(page, "bereits archiviert") {
			t.Errorf("second archive not explained:\n%s", flashOf(page))
		}
		if r := w.staff.Get(w.path + "/archive"); r.Status != 303 {
			t.Errorf("confirmation of an archived company: %d", r.Status)
		}
		if page := follow(t, w.staff, "/admin/companies/"+id(w.b.ID)+"/restore", nil); !strings.Contains(page, "nicht archiviert") {
			t.Errorf("restore of a live company not explained:\n%s", flashOf(page))
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM audit_log WHERE action IN ('company_archived', 'company_restored')`); n != 1 {
			t.Errorf("bad input logged: %d entries", n)
		}

		// Restore: access as it was, uwe still revoked.
		page = follow(t, w.staff, w.path+"/restore", nil)
		if strings.Contains(page, "Archiviert am") {
			t.Errorf("banner after restore")
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'company_restored'`); n != 1 {
			t.Errorf("%d restore entries", n)
		}
		if page := follow(t, w.staff, w.path+"/restore", nil); !strings.Contains(page, "nicht archiviert") {
			t.Errorf("second restore not explained:\n%s", flashOf(page))
		}
		// The sessions ended by the archive stay ended.
		for name, c := range map[string]*apptest.Client{"alice": alice, "multi": multi} {
			if r := c.Get("/"); r.Status != 303 || r.Location != "/login" {
				t.Errorf("%s's old session works again after the restore: %d %q", name, r.Status, r.Location)
			}
		}
		w.as("alice@alpha.test", "alice-password")
		if body := m.Get("/choose").Body; !strings.Contains(body, "Alpha GmbH") {
			t.Errorf("chooser lacks the restored company")
		}
		if r := guest.Get(link); !strings.Contains(r.Body, `name="password"`) {
			t.Errorf("invitation not usable again after the restore: %d", r.Status)
		}
		if m, _ := contact.GetMembership(ctx, w.env.DB, w.t.ID, ninaM); m.Access != contact.AccessInvited {
			t.Errorf("nina's invitation became %q", m.Access)
		}
		if m, _ := contact.GetMembership(ctx, w.env.DB, w.t.ID, uweM); m.Access != contact.AccessRevoked {
			t.Errorf("uwe's revoked access became %q", m.Access)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM memberships WHERE company_id = ? AND access = 'active'`, w.a.ID); n != 3 {
			t.Errorf("%d active memberships in Alpha after restore, want 3", n)
		}
	})
}
