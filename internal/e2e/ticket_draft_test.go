package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
)

// beforeUnload asks the page whether leaving it now would be held up (app.js's
// beforeunload handler cancels the event).
const beforeUnload = `(() => { const ev = new Event("beforeunload", {cancelable: true}); window.dispatchEvent(ev);
	return String(ev.defaultPrevented); })()`

// TestTicketReplyDraft: on the back office's ticket page a typed reply survives another
// form of the page (assigning) and a reload, leaving the page with unsent text asks
// first, Enter in "time spent" sends the reply (not the text module's "Insert"), the
// draft is gone after a send, and Ctrl+Enter in the box sends a note.
func TestTicketReplyDraft(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		id, _, _, s := moduleDesk(t, e, textmodule.Module{Name: "Gruß", Body: "Viele Grüße"})
		path := "/admin/tickets/" + strconv.FormatInt(id, 10)
		s.open(path, "#f-body")
		if got := s.eval(`String(document.querySelector("button[data-text-module-base]").type)`); got != "button" {
			s.fatalf("the text module's Insert button is %q, so Enter would press it", got)
		}
		if got := s.eval(beforeUnload); got != "false" {
			s.fatalf("leaving an empty reply asks: %s", got)
		}
		s.do("type", chromedp.SendKeys(css("#f-body"), "Entwurf: Drucker neu starten"))
		if got := s.eval(beforeUnload); got != "true" {
			s.fatalf("leaving a typed reply does not ask: %s", got)
		}
		s.clickTo(`form[action$="/assign"] button[type=submit]`, ".flash")
		if got := s.eval(`document.getElementById("f-body").value`); got != "Entwurf: Drucker neu starten" {
			s.fatalf("the reply after assigning: %q", got)
		}
		// Coming back (a reload, the back button): the box is emptied here without an
		// input event, so the draft stays stored and leaving does not ask.
		s.eval(`(() => { document.getElementById("f-body").value = ""; return ""; })()`)
		s.open(path, "#f-body")
		if got := s.eval(`document.getElementById("f-body").value`); got != "Entwurf: Drucker neu starten" {
			s.fatalf("the reply after coming back: %q", got)
		}
		s.do("time spent", chromedp.SendKeys(css(`form[data-draft] input[name="time"]`), "15"))
		s.follow("Enter in time spent", chromedp.KeyEvent(kb.Enter), ".flash")
		if got := s.eval(`String(document.querySelector("form[data-draft]").hasAttribute("data-draft-sent"))`); got != "true" {
			s.fatalf("Enter in time spent did not send the reply: %s", s.text(".flash"))
		}
		s.open(path, "#f-body")
		if got := s.eval(`document.getElementById("f-body").value`); got != "" {
			s.fatalf("the draft is back after sending: %q", got)
		}
		if n := s.eval(`String(document.querySelectorAll(".conversation .message").length)`); n != "2" {
			s.fatalf("%s messages, want the ticket's and the reply", n)
		}
		s.do("note", chromedp.Click(css("#k-note")), chromedp.SendKeys(css("#f-body"), "Notiz"))
		s.follow("Ctrl+Enter", chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(2)), ".flash")
		if got := s.eval(`document.querySelector(".conversation .message:last-child").className`); got != "message from-staff internal" {
			s.fatalf("Ctrl+Enter did not send the note: last message %q", got)
		}
	})
}
