package e2e

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pforte/internal/apptest"
	"pforte/internal/db"
	kbase "pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBCompanyPickerKeyboard: an article's page chooses its companies with the
// downloads' picker, by keyboard alone: typing in the search and Enter narrow the list
// (the article is not saved), Tab reaches the customer's box, Space ticks it, and the
// settings' save stores it with the visibility; the box is ticked when the page comes
// back.
func TestKBCompanyPickerKeyboard(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		mueller := env.Company(ten, "Müller Haustechnik GmbH")
		env.Company(ten, "Bäckerei Schneider KG")
		agentID := env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026").ID
		ctx := context.Background()
		art, err := kbase.Create(ctx, env.DB, ten.ID, agentID, kbase.Meta{Slug: "wartung", Status: kbase.StatusDraft,
			Visibility: kbase.VisibilityCustomers}, kbase.Translation{Language: "de", Title: "Wartung", Body: "Text"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		box := `#company-picker input[value="` + strconv.FormatInt(mueller.ID, 10) + `"]`
		path := "/admin/kb/articles/" + strconv.FormatInt(art, 10)

		agent := newSession(t, browser, env.Srv.URL, "agent")
		agent.open("/admin/login", "#f-email")
		agent.fill("email", "agent@demo-service.test")
		agent.fill("password", "agent-password-2026")
		agent.clickTo(`form[action="/admin/login"] button[type="submit"]`, "main h1")
		agent.open(path, "#company-q")
		agent.do("only chosen companies", chromedp.SetValue(css("#f-visibility"), kbase.VisibilityCompanies))
		agent.do("search by keyboard", chromedp.Focus(css("#company-q")), chromedp.KeyEvent("Müller"+kb.Enter))
		agent.do("wait for the result", chromedp.WaitVisible(css(box)))
		time.Sleep(400 * time.Millisecond) // the search's delay; the picker then holds only matches
		agent.expectPath(path)
		if agent.eval(`String(document.querySelector(".flash.success") !== null)`) == "true" {
			agent.fatalf("Enter in the search saved the article")
		}
		if strings.Contains(agent.text("#company-picker"), "Bäckerei") {
			agent.fatalf("the search did not narrow the companies")
		}
		wants, _ := json.Marshal([]string{box})
		if stop := agent.tab(string(wants)); len(stop.Hits) != 1 || !stop.Visible {
			agent.fatalf("Tab from the search reached %s (focus shown: %v), not the customer's box", stop.Key, stop.Visible)
		}
		agent.do("tick by Space", chromedp.KeyEvent(" "))
		if agent.eval(`String(document.querySelector('`+box+`').checked)`) != "true" {
			agent.fatalf("Space did not tick the box")
		}
		agent.clickTo(`form[action="`+path+`"] button.primary[type="submit"]`, ".flash.success")
		if got := agent.eval(`String(document.querySelector('` + box + `:checked') !== null)`); got != "true" {
			agent.fatalf("the chosen company is not ticked after saving")
		}
		var n int
		if err := env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM kb_article_companies WHERE article_id = ? AND company_id = ?`,
			art, mueller.ID).Scan(&n); err != nil || n != 1 {
			t.Errorf("company stored %d times (%v)", n, err)
		}
	})
}
