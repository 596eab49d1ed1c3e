package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
)

// storedDrafts lists the tab's reply drafts (app.js keeps them under "pforte.draft.").
const storedDrafts = `Object.keys(sessionStorage).filter((k) => k.startsWith("pforte.draft.")).join(",")`

// TestTicketDraftGoneAfterSignOut: a reply draft kept in the tab's sessionStorage is
// removed when the member signs out, so the next person at a shared computer finds no
// customer details or notes in the tab.
func TestTicketDraftGoneAfterSignOut(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		id, _, _, s := moduleDesk(t, e, textmodule.Module{Name: "Gruß", Body: "Viele Grüße"})
		path := "/admin/tickets/" + strconv.FormatInt(id, 10)
		s.open(path, "#f-body")
		s.do("type", chromedp.SendKeys(css("#f-body"), "Entwurf mit Kundendaten"))
		if got := s.eval(storedDrafts); got == "" {
			s.fatalf("no draft stored while typing")
		}
		// Emptied without an input event, the draft stays stored and signing out does
		// not ask about unsent text (a headless browser would wait at that question).
		s.eval(`(() => { document.getElementById("f-body").value = ""; return ""; })()`)
		s.clickTo(`form.topbar-logout button[type=submit]`, `input[name="email"]`)
		if got := s.eval(storedDrafts); got != "" {
			s.fatalf("drafts left after signing out: %s", got)
		}
	})
}
