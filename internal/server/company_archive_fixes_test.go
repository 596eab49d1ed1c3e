package server_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/passkey/passkeytest"
	"pforte/internal/testutil"
)

// membershipIn is contact's membership in company, failing the test when there is none.
func membershipIn(t *testing.T, w *archiveWorld, contactID, companyID int64) contact.Membership {
	t.Helper()
	m, err := contact.MembershipIn(context.Background(), w.env.DB, w.t.ID, contactID, companyID)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCompanyArchiveInvitationWaits: ina is invited by staff to Alpha and to Beta;
// Alpha is archived; ina accepts the Beta link. Beta's access is active, Alpha's stays
// an invitation — also after the restore, which gives back what there was.
func TestCompanyArchiveInvitationWaits(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		ina := w.env.Contact(w.t, "ina@alpha.test", "", "user", w.a, w.b).ID
		inA, inB := membershipIn(t, w, ina, w.a.ID), membershipIn(t, w, ina, w.b.ID)
		follow(t, w.staff, "/admin/memberships/"+id(inA.ID)+"/grant", url.Values{"role": {"user"}})
		follow(t, w.staff, "/admin/memberships/"+id(inB.ID)+"/grant", url.Values{"role": {"user"}})
		_, text := lastMailTo(t, w.env, "ina@alpha.test")
		link := linkIn(t, text)
		follow(t, w.staff, w.path+"/archive", nil)

		guest := w.env.Client("desk.test")
		if r := guest.Post(link, url.Values{"password": {"ina-password-1"}, "password_confirm": {"ina-password-1"}}); r.Status != 303 {
			t.Fatalf("Beta's invitation: %d %.300s", r.Status, r.Body)
		}
		if body := guest.Get("/").Body; !strings.Contains(body, "Beta AG") {
			t.Errorf("ina is not in Beta after accepting")
		}
		if m := membershipIn(t, w, ina, w.b.ID); m.Access != contact.AccessActive {
			t.Errorf("Beta's access is %q", m.Access)
		}
		if m := membershipIn(t, w, ina, w.a.ID); m.Access != contact.AccessInvited {
			t.Errorf("the archived company's invitation became %q", m.Access)
		}
		follow(t, w.staff, w.path+"/restore", nil)
		if m := membershipIn(t, w, ina, w.a.ID); m.Access != contact.AccessInvited {
			t.Errorf("after the restore Alpha's access is %q, want the invitation it was", m.Access)
		}
	})
}

// TestCompanyArchiveStraySession: a session that a login opened for Alpha just as
// staff archived it (the archive's end of sessions ran first) reads as ended, is
// deleted on its first use, and stays ended after the restore — for a contact of Alpha
// only and for one who keeps other companies.
func TestCompanyArchiveStraySession(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		ctx := context.Background()
		alice := w.as("alice@alpha.test", "alice-password")
		multi := w.as("multi@gamma.test", "multi-password")
		// The archive without its end of sessions: what the race leaves behind.
		if err := company.Archive(ctx, w.env.DB, w.t.ID, w.a.ID, 0, now()); err != nil {
			t.Fatal(err)
		}
		both := `SELECT COUNT(*) FROM sessions WHERE contact_id IN (?, ?)`
		if n := count(t, w.env, both, w.alice, w.multi); n != 2 {
			t.Fatalf("%d sessions before, want 2", n)
		}
		for name, c := range map[string]*apptest.Client{"alice": alice, "multi": multi} {
			if r := c.Get("/"); r.Status != 303 || r.Location != "/login" {
				t.Errorf("%s's session in the archived company: %d %q", name, r.Status, r.Location)
			}
		}
		if n := count(t, w.env, both, w.alice, w.multi); n != 0 {
			t.Errorf("%d stray sessions kept", n)
		}
		follow(t, w.staff, w.path+"/restore", nil)
		for name, c := range map[string]*apptest.Client{"alice": alice, "multi": multi} {
			if r := c.Get("/"); r.Status != 303 || r.Location != "/login" {
				t.Errorf("%s's stray session works after the restore: %d %q", name, r.Status, r.Location)
			}
		}
	})
}

// TestCompanyArchiveSecondSteps: a contact past the password step when Alpha is
// archived gets no session from the code; a passkey signs nobody in to Alpha: alice
// (Alpha only) is refused, multi lands in another company.
func TestCompanyArchiveSecondSteps(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		alice := w.as("alice@alpha.test", "alice-password")
		secret, _ := enableTOTP(t, alice)
		step := w.env.Client("desk.test")
		passwordStep(t, step, "alice@alpha.test", "alice-password")

		ula := w.as("ula@alpha.test", "ula-password-1")
		auth := &passkeytest.Authenticator{Origin: "http://desk.test"}
		ulaKey, res := addPasskey(t, ula, auth, "Laptop")
		if res.Status != 200 {
			t.Fatalf("ula's passkey: %d %s", res.Status, res.Body)
		}
		multi := w.as("multi@gamma.test", "multi-password")
		multiKey, res := addPasskey(t, multi, auth, "Telefon")
		if res.Status != 200 {
			t.Fatalf("multi's passkey: %d %s", res.Status, res.Body)
		}
		follow(t, w.staff, w.path+"/archive", nil)

		if r := step.Post("/login/code", url.Values{"code": {nextCode(t, secret)}}); r.Status >= 500 ||
			(r.Status == 303 && r.Location == "/") {
			t.Errorf("code step into the archived company: %d %q", r.Status, r.Location)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, w.alice); n != 0 {
			t.Errorf("alice has %d sessions after the code step", n)
		}
		if r, _ := passkeyLogin(t, w.env.Client("desk.test"), auth, ulaKey, "/"); r.Status == 200 || r.Status >= 500 {
			t.Errorf("ula's passkey into the archived company: %d %s", r.Status, r.Body)
		}
		ulaID := membershipIn(t, w, w.ula, w.a.ID).ContactID
		if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, ulaID); n != 0 {
			t.Errorf("ula has %d sessions after the passkey", n)
		}
		if r, _ := passkeyLogin(t, w.env.Client("desk.test"), auth, multiKey, "/"); r.Status != 200 {
			t.Errorf("multi's passkey: %d %s", r.Status, r.Body)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ? AND company_id <> ?`, w.multi, w.a.ID); n != 1 {
			t.Errorf("multi has %d sessions outside Alpha, want 1", n)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE company_id = ?`, w.a.ID); n != 0 {
			t.Errorf("%d sessions in the archived company", n)
		}
	})
}

// TestCompanyArchiveInboxSuggestion: a registration and a mail that arrived with Alpha
// as their suggestion no longer offer it once it is archived: the registration offers
// a new company instead, the mail's sorting the live companies.
func TestCompanyArchiveInboxSuggestion(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, send := newArchiveWorld(t, e)
		ctx := context.Background()
		reg, err := inbox.Create(ctx, w.env.DB, inbox.Item{TenantID: w.t.ID, Kind: inbox.KindRegistration,
			Title: "Neu Kunde", Email: "neu@alpha.test", SuggestedCompanyID: w.a.ID},
			access.RegistrationPayload{FirstName: "Neu", LastName: "Kunde", Email: "neu@alpha.test", Company: "Alpha", Language: "de"}, now())
		if err != nil {
			t.Fatal(err)
		}
		send("Fremd <fremd@fremd.test>", "support@desk.test", "Subject: Frage\r\n", "Hallo\r\n")
		var mail int64
		w.env.DB.QueryRow(ctx, `SELECT id FROM inbox_items WHERE email = 'fremd@fremd.test'`).Scan(&mail)
		if mail == 0 {
			t.Fatal("the stranger's mail is not in the inbox")
		}
		// As if it had arrived with Alpha's domain: the suggestion stored at arrival.
		if _, err := w.env.DB.Exec(ctx, `UPDATE inbox_items SET suggested_company_id = ? WHERE id = ?`, w.a.ID, mail); err != nil {
			t.Fatal(err)
		}
		alpha := `<option value="` + id(w.a.ID) + `"`
		for _, it := range []int64{reg, mail} {
			if body := w.staff.Get("/admin/inbox/" + id(it)).Body; !strings.Contains(body, alpha) &&
				!strings.Contains(body, `name="company_id" value="`+id(w.a.ID)+`"`) {
				t.Fatalf("item %d does not offer the live suggestion", it)
			}
		}
		follow(t, w.staff, w.path+"/archive", nil)

		body := w.staff.Get("/admin/inbox/" + id(reg)).Body
		if strings.Contains(body, alpha) || strings.Contains(body, "Alpha GmbH") {
			t.Errorf("registration offers the archived company")
		}
		if !strings.Contains(body, `name="company_name"`) {
			t.Errorf("registration does not offer a new company")
		}
		body = w.staff.Get("/admin/inbox/" + id(mail)).Body
		if strings.Contains(body, alpha) || strings.Contains(body, `name="company_id" value="`+id(w.a.ID)+`"`) {
			t.Errorf("mail sorting offers the archived company")
		}
		if !strings.Contains(body, `<option value="`+id(w.b.ID)+`"`) {
			t.Errorf("mail sorting does not offer the live companies")
		}
	})
}

// TestCompanyArchiveDownloadsKB: a new download and a knowledge-base article's readers
// refuse an archived company with the message; a file shown to it before keeps it
// when edited, so the restore gives it back.
func TestCompanyArchiveDownloadsKB(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		pdf := []byte("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n")
		fields := url.Values{"visibility": {"companies"}, "title": {"Preisliste"}, "description": {"Neu"},
			"company_id": {id(w.a.ID), id(w.b.ID)}}
		r := w.staff.PostMultipartValues("/admin/downloads/files", fields, apptest.File{Field: "file", Name: "a.pdf", Data: pdf})
		if r.Status != 303 {
			t.Fatalf("download before the archive: %d %.300s", r.Status, r.Body)
		}
		file := r.Location
		follow(t, w.staff, w.path+"/archive", nil)

		fields.Set("title", "Neue Preisliste")
		r = w.staff.PostMultipartValues("/admin/downloads/files", fields, apptest.File{Field: "file", Name: "b.pdf", Data: pdf})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte zuerst wiederherstellen") {
			t.Errorf("new download for the archived company: %d", r.Status)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM download_files WHERE title = 'Neue Preisliste'`); n != 0 {
			t.Errorf("download for the archived company stored")
		}
		edit := url.Values{"visibility": {"companies"}, "title": {"Preisliste 2"}, "description": {"Neu"}, "folder_id": {"0"},
			"company_id": {id(w.a.ID), id(w.b.ID)}}
		if r := w.staff.Post(file, edit); r.Status != 303 {
			t.Errorf("editing a file the archived company had: %d %.300s", r.Status, flashOf(r.Body))
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM download_file_companies WHERE company_id IN (?, ?)`, w.a.ID, w.b.ID); n != 2 {
			t.Errorf("file shown to %d companies after the edit, want both", n)
		}

		art := kbArticle(t, w.env, w.t, kbCategory(t, w.env, w.t, "Hilfe"), "preise", "published", "companies", "Preise", "Text")
		r = w.staff.Post("/admin/kb/articles/"+id(art), url.Values{"slug": {"preise"}, "status": {"published"},
			"visibility": {"companies"}, "company_id": {id(w.a.ID)}})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte zuerst wiederherstellen") {
			t.Errorf("article reader refusal not said: %d %s", r.Status, flashOf(r.Body))
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM kb_article_companies WHERE article_id = ?`, art); n != 0 {
			t.Errorf("archived company added as reader")
		}
	})
}

// TestCompanyArchiveCheckedInTx: a grant or a new membership that was checked before
// staff archived the company is refused by the check inside its own transaction.
func TestCompanyArchiveCheckedInTx(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		ctx := context.Background()
		neu := w.env.Contact(w.t, "neu@alpha.test", "", "user", w.a).ID
		stale := membershipIn(t, w, neu, w.a.ID) // read while Alpha was live
		bob, err := contact.Get(ctx, w.env.DB, w.t.ID, w.bob)
		if err != nil {
			t.Fatal(err)
		}
		follow(t, w.staff, w.path+"/archive", nil)

		svc := w.env.App.Access
		_, err = svc.GrantAll(ctx, w.t, actor, []contact.Membership{stale}, "user", "http://desk.test")
		if !errors.Is(err, access.ErrCompanyArchived) {
			t.Errorf("grant checked before the archive: %v", err)
		}
		if m := membershipIn(t, w, neu, w.a.ID); m.Access != stale.Access || len(w.mailsTo(t, "neu@alpha.test")) != 0 {
			t.Errorf("grant went through: %q", m.Access)
		}
		if _, err := svc.AddMembership(ctx, w.t, actor, bob, w.a.ID, "Alpha GmbH", "user", "http://desk.test"); !errors.Is(err, access.ErrCompanyArchived) {
			t.Errorf("membership in the archived company: %v", err)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM memberships WHERE contact_id = ? AND company_id = ?`, w.bob, w.a.ID); n != 0 {
			t.Errorf("membership filed under the archived company")
		}
	})
}

// TestCompanyArchiveButtons: the back office offers nothing for an archived company
// that would only be refused — no preview, no new ticket, no grant, resend or role
// change — and shows the badge instead; the queue's company filter marks it.
func TestCompanyArchiveButtons(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		inA, inB := membershipIn(t, w, w.multi, w.a.ID), membershipIn(t, w, w.multi, w.b.ID)
		contactPage := "/admin/contacts/" + id(w.multi)
		offers := func(page string, co int64, m contact.Membership) map[string]bool {
			return map[string]bool{
				"preview":    strings.Contains(page, `name="company_id" value="`+id(co)+`"`),
				"new ticket": strings.Contains(page, `/admin/tickets/new?company=`+id(co)+`&`),
				"grant":      strings.Contains(page, `/admin/memberships/`+id(m.ID)+`/grant"`),
			}
		}
		for what, ok := range offers(w.staff.Get(contactPage).Body, w.a.ID, inA) {
			if !ok {
				t.Fatalf("live company: no %s", what)
			}
		}
		w.open(t, w.as("alice@alpha.test", "alice-password"), "Frage")
		follow(t, w.staff, w.path+"/archive", nil)

		page := w.staff.Get(contactPage).Body
		for what, ok := range offers(page, w.a.ID, inA) {
			if ok {
				t.Errorf("contact page offers %s for the archived company", what)
			}
		}
		for what, ok := range offers(page, w.b.ID, inB) {
			if !ok {
				t.Errorf("contact page lost %s for a live company", what)
			}
		}
		if !strings.Contains(page, ">archiviert<") {
			t.Errorf("contact page has no archived badge")
		}
		page = w.staff.Get(w.path).Body
		if strings.Contains(page, "/grant\"") || strings.Contains(page, `name="membership_id"`) {
			t.Errorf("archived company's page offers grants")
		}
		if body := w.staff.Get("/admin/tickets").Body; !strings.Contains(body, "Alpha GmbH (archiviert)") {
			t.Errorf("queue's company filter does not mark the archived company")
		}
	})
}
