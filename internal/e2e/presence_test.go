package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketPresenceLive: two agents in two browsers. Bernd opens a ticket Anna has
// open; without a reload Anna's page shows him viewing, and once he types into the
// reply box, writing. Then both answer: Anna's send comes back with her text and
// Bernd's reply marked, and her second send goes out. The heartbeat runs every 300 ms here (Env.PresenceEvery), and
// every check waits for the element with chromedp rather than sleeping.
func TestTicketPresenceLive(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		env.App.Env.PresenceEvery = 300 * time.Millisecond
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		ct := env.Contact(ten, contactEmail, contactPass, "main", co)
		anna := env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)
		bernd := env.Staff(ten, staff.RoleAgent, "bernd@service.test", "bernd-password-2026")
		for id, name := range map[int64]string{anna.ID: "Anna Berger", bernd.ID: "Bernd Koch"} {
			if _, err := env.DB.Exec(ctx, `UPDATE staff SET name = ? WHERE id = ?`, name, id); err != nil {
				t.Fatal(err)
			}
		}
		id, err := ticket.Create(ctx, env.DB, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID, Author: "Kunde",
			Title: "Drucker streikt", Body: "Nur leere Blätter."}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		path := "/admin/tickets/" + itoa(id)
		browser := startBrowser(t)

		a := newSession(t, browser, env.Srv.URL, "Anna")
		staffLogin(a, adminEmail, adminPassword)
		a.open(path, "#f-body")
		if n := a.eval(`String(document.querySelectorAll("#presence li").length)`); n != "0" {
			a.fatalf("%s colleagues shown before anyone else opened the ticket", n)
		}
		a.eval(`String(window.presenceProbe = "same page")`) // gone if the page reloads

		b := newSession(t, browser, env.Srv.URL, "Bernd")
		staffLogin(b, "bernd@service.test", "bernd-password-2026")
		b.open(path, "#f-body")

		viewing := `#presence li.presence-item:not(.typing)[data-staff="` + itoa(bernd.ID) + `"]`
		a.do("wait for Bernd viewing", chromedp.WaitVisible(css(viewing)))
		if got := a.text(viewing); !containsAll(got, "Bernd Koch", "sieht sich das Ticket an") {
			a.fatalf("presence reads %q", got)
		}
		b.do("type a reply", chromedp.Click(css("#f-body")), chromedp.SendKeys(css("#f-body"), "Hallo, ich schaue mir das an."))
		typing := `#presence li.presence-item.typing[data-staff="` + itoa(bernd.ID) + `"]`
		a.do("wait for Bernd writing", chromedp.WaitVisible(css(typing)))
		if got := a.text(typing); !containsAll(got, "Bernd Koch", "schreibt eine Antwort") {
			a.fatalf("presence reads %q", got)
		}
		if probe := a.eval(`String(window.presenceProbe)`); probe != "same page" {
			a.fatalf("Anna's page reloaded (probe %q)", probe)
		}
		a.screenshot(artifactDir(t), string(e)+"-presence-writing")
		// Bernd sees Anna the other way round, viewing only.
		b.do("wait for Anna viewing", chromedp.WaitVisible(css(`#presence li.presence-item:not(.typing)[data-staff="`+itoa(anna.ID)+`"]`)))
		// Bernd empties the box: his next heartbeat carries no text, and Anna's strip
		// goes back to viewing.
		b.eval(`(() => { const ta = document.getElementById("f-body"); ta.value = ""; ta.dispatchEvent(new Event("input", { bubbles: true })); return ""; })()`)
		a.do("wait for Bernd viewing again", chromedp.WaitVisible(css(viewing)))

		// Anna writes while Bernd answers: her send comes back with her text, his reply
		// marked and the sentence that says so; sending again sends it.
		send := `form[action="` + path + `/reply"] .form-actions button.primary`
		a.do("type Anna's reply", chromedp.SendKeys(css("#f-body"), "Anna: Bitte den Drucker neu starten."))
		b.do("type Bernd's reply", chromedp.SendKeys(css("#f-body"), "Bernd: Ich komme morgen vorbei."))
		b.clickTo(send, ".conversation")
		a.clickTo(send, "#stale")
		if got := a.text("#stale"); !containsAll(got, "Bernd Koch hat geantwortet, während Sie geschrieben haben.") {
			a.fatalf("conflict notice reads %q", got)
		}
		if got := a.eval(`document.getElementById("f-body").value`); got != "Anna: Bitte den Drucker neu starten." {
			a.fatalf("typed text not kept: %q", got)
		}
		if got := a.text(".message.fresh .message-body"); got != "Bernd: Ich komme morgen vorbei." {
			a.fatalf("the new reply marked: %q", got)
		}
		if got := a.text(send); got != "Trotzdem senden" {
			a.fatalf("send button reads %q", got)
		}
		a.screenshot(artifactDir(t), string(e)+"-presence-conflict")
		a.clickTo(send, ".conversation")
		if n := a.eval(`String(document.querySelectorAll("#stale").length)`); n != "0" {
			a.fatalf("send anyway refused again")
		}
		if got := a.body(); !containsAll(got, "Anna: Bitte den Drucker neu starten.", "Bernd: Ich komme morgen vorbei.") {
			a.fatalf("both replies should be in the conversation")
		}
	})
}

// itoa writes an id as the page does.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// containsAll reports whether s holds every part.
func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
