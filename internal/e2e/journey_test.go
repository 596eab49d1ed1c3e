package e2e

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// The people and things of the journey.
const (
	adminName     = "Ada Admin"
	adminEmail    = "ada@demo-service.test"
	adminPassword = "ada-admin-password-2026"
	companyName   = "Kunde AG"
	contactFirst  = "Jörg"
	contactEmail  = "joerg@kunde.test"
	contactPass   = "joerg-kunde-password-2026"
)

// TestJourney is a fresh install seen through a browser: the first administrator sets
// up the back office from the one-time link, creates a company and a contact and
// grants access; the contact follows the invitation from the outbox, sets a password,
// lands in the German portal and switches it to English; a contact of another company
// cannot open the first company's page; staff archive the company (the contact cannot
// sign in) and restore it.
func TestJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		started := time.Now()
		env := apptest.Start(t, e)
		browser := startBrowser(t) // after Start: the browser closes before the server
		j := &journey{t: t, env: env, browser: browser, shots: artifactDir(t), prefix: string(e) + "-"}

		ten := env.Tenant("Demo Service GmbH")
		link, err := env.App.Access.SetupLink(context.Background(), ten.ID, env.Srv.URL)
		if err != nil {
			t.Fatalf("setup link: %v", err)
		}
		admin := newSession(t, browser, env.Srv.URL, "admin")
		j.setup(admin, link)
		j.createCompanyAndContact(admin)
		j.grant(admin)
		invitation := j.invitationFromOutbox(admin)
		j.acceptInvitation(invitation)
		j.otherCompanyIsHidden(ten)
		j.archiveAndRestore(admin) // journey_archive_test.go
		t.Logf("journey on %s: %v", e, time.Since(started).Round(time.Millisecond))
	})
}

// journey carries what the steps share.
type journey struct {
	t         *testing.T
	env       *apptest.Env
	browser   context.Context
	shots     string // directory for screenshots
	prefix    string // of screenshot names: the engine
	companyID string // of Kunde AG, as in its URLs
}

// artifactDir is where screenshots go: $PFORTE_ARTIFACTS if set, else a temp dir.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("PFORTE_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifact dir: %v", err)
	}
	return dir
}

// setup opens the one-time link and creates the first administrator, who is then
// logged in to the back office.
func (j *journey) setup(admin *session, link string) {
	admin.open(link, "#f-password_confirm")
	admin.expectLang("de")
	if h := admin.text("h1"); h != "Ersten Administrator anlegen" {
		admin.fatalf("setup page heading %q, want the German one", h)
	}
	admin.fill("name", adminName)
	admin.fill("email", adminEmail)
	admin.fill("password", adminPassword)
	admin.fill("password_confirm", adminPassword)
	admin.clickTo(`form.form button[type="submit"]`, `a.tile[href="/admin/outbox"]`)
	admin.expectPath("/admin/")
	if h := admin.text("h1"); !strings.Contains(h, adminName) {
		admin.fatalf("dashboard greets %q, want %q", h, adminName)
	}
}

var companyPath = regexp.MustCompile(`^/admin/companies/(\d+)$`)

// createCompanyAndContact creates Kunde AG and its main contact through the forms.
func (j *journey) createCompanyAndContact(admin *session) {
	admin.clickTo(`a.tile[href="/admin/companies"]`, `a[href="/admin/companies/new"]`)
	admin.clickTo(`a[href="/admin/companies/new"]`, `form[action="/admin/companies"][method="post"] #f-name`)
	admin.fill("name", companyName)
	admin.fill("email_domains", "kunde.test")
	admin.clickTo(`form[action="/admin/companies"][method="post"] button[type="submit"]`,
		`a[href^="/admin/contacts/new?company_id="]`)
	m := companyPath.FindStringSubmatch(admin.path())
	if m == nil {
		admin.fatalf("no company page after creating the company")
	}
	j.companyID = m[1]
	if h := admin.text("h1"); h != companyName {
		admin.fatalf("company page heading %q, want %q", h, companyName)
	}

	admin.clickTo(`a[href="/admin/contacts/new?company_id=`+j.companyID+`"]`, "#f-role")
	admin.fill("first_name", contactFirst)
	admin.fill("last_name", "Kunde")
	admin.fill("email", contactEmail)
	admin.do("pick role main", chromedp.SetValue(css("#f-role"), "main"))
	admin.clickTo(`form[action="/admin/contacts"] button[type="submit"]`, "#company_q")
	if !regexp.MustCompile(`^/admin/contacts/\d+$`).MatchString(admin.path()) {
		admin.fatalf("no contact page after creating the contact")
	}
}

// grant goes from the contact to the company page and grants access there.
func (j *journey) grant(admin *session) {
	page := "/admin/companies/" + j.companyID
	admin.clickTo(`table.list a[href="`+page+`"]`, `form[action$="/grant"] button[type="submit"]`)
	admin.expectPath(page)
	if !strings.Contains(admin.text("table.list tbody"), contactEmail) {
		admin.fatalf("company page does not list %s", contactEmail)
	}
	admin.clickTo(`form[action^="/admin/memberships/"][action$="/grant"] button[type="submit"]`, "span.badge.warn")
	admin.expectPath(page)
	if b := admin.text("table.list span.badge"); b != "Eingeladen" {
		admin.fatalf("access badge %q, want Eingeladen", b)
	}
	admin.screenshot(j.shots, j.prefix+"admin-company")
}

// stored is the outbox state of a mail kept in the data directory (no SMTP in the test).
const stored = "Gespeichert (kein Mailserver)"

var invitationURL = regexp.MustCompile(`https?://\S+/invitation/\S+`)

// invitationFromOutbox waits until the outbox shows the invitation as sent, opens it
// and returns the link of its text part.
func (j *journey) invitationFromOutbox(admin *session) string {
	const row = `(() => {
		for (const tr of document.querySelectorAll("table.list tbody tr")) {
			if (!tr.innerText.includes(%q)) continue;
			const a = tr.querySelector("a"), b = tr.querySelector(".badge");
			return (a ? a.getAttribute("href") : "") + " " + (b ? b.innerText.trim() : "");
		}
		return "";
	})()`
	var state, href string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		admin.open("/admin/outbox", "main h1")
		href, state, _ = strings.Cut(admin.eval(fmt.Sprintf(row, contactEmail)), " ")
		if state == stored || time.Now().After(deadline) {
			break
		}
	}
	if state != stored || !strings.HasPrefix(href, "/admin/outbox/") {
		admin.fatalf("outbox: invitation to %s has state %q link %q, want %q", contactEmail, state, href, stored)
	}
	admin.clickTo(`a[href="`+href+`"]`, "pre.mail")
	link := invitationURL.FindString(admin.text("pre.mail"))
	if !strings.HasPrefix(link, j.env.Srv.URL+"/invitation/") {
		admin.fatalf("text part has link %q, want one under %s/invitation/", link, j.env.Srv.URL)
	}
	return link
}
