package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadJourney: an agent creates a folder in the back office, uploads a contract
// into it through the file input and, with the company search of the visibility picker
// (htmx; Enter searches instead of submitting), makes it visible to one customer only.
// That customer's contact finds it from the home tile through the folder; a contact of
// another customer sees neither the folder nor the file.
func TestDownloadJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		shots := artifactDir(t)
		ten := env.Tenant("Demo Service GmbH")
		mueller := env.Company(ten, "Müller Haustechnik GmbH")
		baecker := env.Company(ten, "Bäckerei Schneider KG")
		env.Contact(ten, "anna@mueller.test", "anna-password-2026", "main", mueller)
		env.Contact(ten, "ursula@baecker.test", "ursula-password-2026", "main", baecker)
		env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026")
		doc := filepath.Join(t.TempDir(), "Wartungsvertrag 2026.pdf")
		if err := os.WriteFile(doc, []byte("%PDF-1.4\n% Wartungsvertrag\n%%EOF\n"), 0o600); err != nil {
			t.Fatal(err)
		}

		agent := newSession(t, browser, env.Srv.URL, "agent")
		agent.open("/admin/login", "#f-email")
		agent.fill("email", "agent@demo-service.test")
		agent.fill("password", "agent-password-2026")
		agent.clickTo(`form[action="/admin/login"] button[type="submit"]`, "main h1")
		agent.clickTo(`nav a[href="/admin/downloads"]`, "#f-name")
		agent.fill("name", "Verträge")
		agent.clickTo(`form[action="/admin/downloads/folders"] button[type="submit"]`, ".flash.success")
		agent.clickTo(`main table a[href^="/admin/downloads?folder="]`, "main .actions")
		if h := agent.text("main h1"); h != "Verträge" {
			agent.fatalf("folder page heading %q", h)
		}
		agent.clickTo(`main .actions a[href^="/admin/downloads/files/new"]`, "#f-file")
		if got := agent.eval(`document.querySelector('#f-folder_id option:checked').textContent.trim()`); got != "Verträge" {
			agent.fatalf("preselected folder %q", got)
		}
		agent.fill("title", "Wartungsvertrag")
		agent.do("choose the file", chromedp.SetUploadFiles(css("#f-file"), []string{doc}))
		agent.do("only chosen customers", chromedp.Click(css(`input[name="visibility"][value="companies"]`)))
		agent.do("search a customer", chromedp.SendKeys(css("#company-q"), "Müller"+kb.Enter))
		agent.do("wait for the result", chromedp.WaitVisible(css(`#company-picker input[value="`+strconv.FormatInt(mueller.ID, 10)+`"]`)))
		time.Sleep(400 * time.Millisecond) // the search's delay; the picker then holds only matches
		agent.expectPath("/admin/downloads/files/new")
		if strings.Contains(agent.text("#company-picker"), "Bäckerei") {
			agent.fatalf("the search did not narrow the customers")
		}
		agent.do("tick the customer", chromedp.Click(css(`#company-picker input[value="`+strconv.FormatInt(mueller.ID, 10)+`"]`)))
		agent.screenshot(shots, string(e)+"-download-upload")
		agent.clickTo(`form[action="/admin/downloads/files"] button[type="submit"]`, ".flash.success")
		if h := agent.text("main h1"); h != "Wartungsvertrag" {
			agent.fatalf("file page heading %q", h)
		}
		if got := agent.eval(`String(document.querySelectorAll('#company-picker input:checked').length)`); got != "1" {
			agent.fatalf("%s customers chosen on the file page, want 1", got)
		}
		agent.screenshot(shots, string(e)+"-download-admin-file")

		anna := newSession(t, browser, env.Srv.URL, "anna")
		anna.open("/login", "#f-email")
		anna.fill("email", "anna@mueller.test")
		anna.fill("password", "anna-password-2026")
		anna.clickTo(`form[action="/login"] button[type="submit"]`, "main .tiles")
		anna.clickTo(`a.tile[href="/downloads"]`, "#folders-h")
		anna.screenshot(shots, string(e)+"-download-portal-list")
		anna.clickTo(`main .tiles a.tile[href^="/downloads/folders/"]`, "#files-h")
		anna.clickTo(`main table a[href^="/downloads/files/"]`, "main .actions")
		if h := anna.text("main h1"); h != "Wartungsvertrag" {
			anna.fatalf("file heading %q", h)
		}
		if !strings.Contains(anna.text("dl.details"), "Wartungsvertrag 2026.pdf") {
			anna.fatalf("file name missing")
		}
		href := anna.eval(`document.querySelector('main .actions a[download]').getAttribute('href')`)
		if !strings.HasPrefix(href, "/downloads/files/") || !strings.HasSuffix(href, "/download") {
			anna.fatalf("download link %q", href)
		}
		anna.screenshot(shots, string(e)+"-download-portal-file")

		ursula := newSession(t, browser, env.Srv.URL, "ursula")
		ursula.open("/login", "#f-email")
		ursula.fill("email", "ursula@baecker.test")
		ursula.fill("password", "ursula-password-2026")
		ursula.clickTo(`form[action="/login"] button[type="submit"]`, "main .tiles")
		ursula.open("/downloads", "#files-h")
		if b := ursula.body(); strings.Contains(b, "Verträge") || strings.Contains(b, "Wartungsvertrag") {
			ursula.fatalf("another customer sees the contract")
		}
		if status := ursula.openStatus(href, "main h1"); status != 404 {
			ursula.fatalf("another customer's download: %d", status)
		}
	})
}
