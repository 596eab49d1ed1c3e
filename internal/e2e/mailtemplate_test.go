package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestMailTemplateEditor: an admin opens the invitation template, types an unknown
// placeholder and asks for a preview (htmx swaps the editor in place: the error stands
// next to the field, the typed text stays), fixes it, sees the preview with sample data
// (the HTML part styled, in its sandboxed frame) and saves; the list then marks the
// template customised.
func TestMailTemplateEditor(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)

		s := newSession(t, browser, env.Srv.URL, "admin")
		s.open("/admin/login", "#f-email")
		s.fill("email", adminEmail)
		s.fill("password", adminPassword)
		s.clickTo(`form[action="/admin/login"] button[type=submit]`, "main h1")
		s.open("/admin/settings", "main h1")
		s.clickTo(`a[href="/admin/settings/mails"]`, "table.list")
		s.clickTo(`a[href="/admin/settings/mails/invitation/de"]`, "#f-subject")

		const editor = "/admin/settings/mails/invitation/de"
		s.fill("subject", "Hallo {{vorname}}")
		s.do("preview with an unknown placeholder", chromedp.Click(css(`button[formaction$="/preview"]`)),
			chromedp.WaitVisible(css("#e-subject")))
		s.expectPath(editor) // swapped in place, no navigation
		if msg := s.text("#e-subject"); !strings.Contains(msg, "{{vorname}}") {
			s.fatalf("error message %q does not name the placeholder", msg)
		}
		if v := s.eval(`document.getElementById("f-subject").value`); v != "Hallo {{vorname}}" {
			s.fatalf("typed subject lost: %q", v)
		}

		s.fill("subject", "Hallo {{first_name}} von {{company}}")
		s.do("preview", chromedp.Click(css(`button[formaction$="/preview"]`)), chromedp.WaitVisible(css("#preview pre.mail")))
		if txt := s.text("#preview"); !strings.Contains(txt, "Hallo Anna von Muster GmbH") || !strings.Contains(txt, "Demo Service GmbH") {
			s.fatalf("preview %q lacks the sample data", txt)
		}
		s.expectMailFrame("Guten Tag Anna Schmidt")
		s.screenshot(artifactDir(t), string(e)+"-mail-template-preview")

		s.clickTo(`form[action="`+editor+`"] button.primary`, "main .flash")
		s.expectPath(editor)
		s.open("/admin/settings/mails", "table.list")
		if b := s.text(`a[href="` + editor + `"].custom .sr-only`); !strings.Contains(b, "angepasst") {
			s.fatalf("list marks the customised language %q, want angepasst", b)
		}
		// The filter box narrows the list as one types (mail-filter.js): the ticket
		// mails' group goes, the passkey notices stay.
		s.do("filter", chromedp.SendKeys(css("#mail-q"), "passkey"))
		if v := s.eval(`String(document.querySelector('a[href="/admin/settings/mails/ticket_reply/de"]').closest("section").hidden && ` +
			`!document.querySelector('a[href="/admin/settings/mails/passkey_added/de"]').closest("tr").hidden)`); v != "true" {
			s.fatalf("filter did not narrow the list: %s", v)
		}
	})
}

// expectMailFrame checks that the preview's sandboxed frame shows the HTML part with
// its inline styles (the button's colour): the browser accepts the frame's own policy
// (framed by our page, styles inline) while the editor keeps the back office's. Chrome
// runs a sandboxed frame in a process of its own, listed as a target of its own; the
// check detaches from it, as closing that target would break the page.
func (s *session) expectMailFrame(want string) {
	s.t.Helper()
	for deadline := time.Now().Add(stepTimeout); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		infos, err := chromedp.Targets(s.ctx)
		if err != nil {
			s.fatalf("targets: %v", err)
		}
		for _, info := range infos {
			if info.Type != "iframe" || !strings.HasSuffix(info.URL, "/preview/html") {
				continue
			}
			frame, cancel := chromedp.NewContext(s.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			ctx, cancelStep := context.WithTimeout(frame, stepTimeout)
			txt, err := chromedp.Run(ctx, chromedp.Text(css("body")))
			var bg string
			if err == nil {
				bg, err = chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("a")).backgroundColor`))
			}
			cancelStep()
			cancel()
			if err != nil || !strings.Contains(txt, want) || bg != "rgb(29, 78, 216)" {
				s.fatalf("preview frame shows %q with button colour %q (%v), want %q", txt, bg, err, want)
			}
			return
		}
	}
	s.fatalf("no preview frame loaded")
}
