package e2e

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/testutil"
)

// TestDownloadNotifyJourney: a contact asks on a folder's page to hear of new files
// (htmx swaps the button); an agent uploads a file into the folder with "notify
// subscribers" left ticked; the sweep, run ten minutes later, puts one mail in the
// outbox whose link opens the new file's page for the contact, and whose settings link
// lists the subscription.
func TestDownloadNotifyJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		shots := artifactDir(t)
		ten := env.Tenant("Demo Service GmbH")
		mueller := env.Company(ten, "Müller Haustechnik GmbH")
		anna := env.Contact(ten, "anna@mueller.test", "anna-password-2026", "main", mueller)
		env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026")
		folder, err := download.CreateFolder(ctx, env.DB, download.Folder{TenantID: ten.ID, Name: "Firmware"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		st, err := env.App.Env.Files.Put(strings.NewReader("firmware 1.0"), 0)
		if err != nil {
			t.Fatal(err)
		}
		err = env.DB.InTx(ctx, func(tx *db.Tx) error {
			_, err := download.Create(ctx, tx, download.File{TenantID: ten.ID, Title: "Firmware 1.0", FolderID: folder.ID},
				nil, download.Version{Key: st.Key, Name: "fw-1.0.bin", Size: st.Size, Type: st.Type, SHA256: st.SHA256}, time.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		folderPath := "/downloads/folders/" + strconv.FormatInt(folder.ID, 10)

		portal := newSession(t, browser, env.Srv.URL, "anna")
		portal.open("/login", "#f-email")
		portal.fill("email", "anna@mueller.test")
		portal.fill("password", "anna-password-2026")
		portal.clickTo(`form[action="/login"] button[type="submit"]`, "main .tiles")
		portal.open(folderPath, `form[action="`+folderPath+`/subscribe"]`)
		portal.do("subscribe", chromedp.Click(css(`form[action="`+folderPath+`/subscribe"] button`)),
			chromedp.WaitVisible(css(`form[action="`+folderPath+`/unsubscribe"] button`)))
		portal.expectPath(folderPath) // swapped in place by htmx, no page load
		portal.screenshot(shots, string(e)+"-download-subscribed")

		doc := filepath.Join(t.TempDir(), "fw-2.0.bin")
		if err := os.WriteFile(doc, []byte("firmware 2.0"), 0o600); err != nil {
			t.Fatal(err)
		}
		agent := newSession(t, browser, env.Srv.URL, "agent")
		agent.open("/admin/login", "#f-email")
		agent.fill("email", "agent@demo-service.test")
		agent.fill("password", "agent-password-2026")
		agent.clickTo(`form[action="/admin/login"] button[type="submit"]`, "main h1")
		agent.open("/admin/downloads?folder="+strconv.FormatInt(folder.ID, 10), "main .actions")
		if !strings.Contains(agent.text("p.subscribers"), "1") {
			agent.fatalf("folder page: subscriber count %q", agent.text("p.subscribers"))
		}
		agent.clickTo(`main .actions a[href^="/admin/downloads/files/new"]`, "#f-file")
		if got := agent.eval(`String(document.querySelector('#f-notify').checked)`); got != "true" {
			agent.fatalf("notify subscribers is not ticked by default")
		}
		agent.fill("title", "Firmware 2.0")
		agent.do("choose the file", chromedp.SetUploadFiles(css("#f-file"), []string{doc}))
		agent.clickTo(`form[action="/admin/downloads/files"] button[type="submit"]`, ".flash.success")

		// The sweep as the periodic pass runs it, ten minutes on.
		env.App.Automate(ctx, time.Now().Add(download.NoticeWindow+time.Minute))
		var text string
		if err := env.DB.QueryRow(ctx, `SELECT text_body FROM mails WHERE to_addr = ? ORDER BY id DESC`, anna.Email).Scan(&text); err != nil {
			t.Fatalf("no mail to anna: %v", err)
		}
		link := regexp.MustCompile(`https?://\S+/downloads/files/\d+`).FindString(text)
		settings := regexp.MustCompile(`https?://\S+/settings/notifications`).FindString(text)
		if link == "" || settings == "" || !strings.Contains(text, "Firmware 2.0") {
			t.Fatalf("mail without the links:\n%s", text)
		}
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		portal.open(u.Path, "main h1")
		if h := portal.text("main h1"); h != "Firmware 2.0" {
			portal.fatalf("the mail's link opens %q", h)
		}
		portal.screenshot(shots, string(e)+"-download-notice-file")
		s, _ := url.Parse(settings)
		portal.open(s.Path, "#subs-h")
		if !strings.Contains(portal.text("#downloads"), "Firmware") {
			portal.fatalf("settings do not list the subscription: %q", portal.text("#downloads"))
		}
	})
}
