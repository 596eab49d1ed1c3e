package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestMailTemplateNoPortal: "ticket received" has a wording for contacts without portal
// access, listed beside it and linked from its editor. Its editor has no button field
// and refuses {{link}} with a message naming it, the text kept; saved without a
// button, it is marked customised.
func TestMailTemplateNoPortal(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		const editor = "/admin/settings/mails/ticket_received_noportal/de"

		if list := adm.Get("/admin/settings/mails"); !strings.Contains(list.Body, `href="`+editor+`"`) ||
			!strings.Contains(list.Body, "Ticket erhalten (ohne Portalzugang)") {
			t.Fatalf("list lacks the wording without portal: %d", list.Status)
		}
		if usual := adm.Get("/admin/settings/mails/ticket_received/de").Body; !strings.Contains(usual, `href="`+editor+`"`) {
			t.Errorf("the usual mail's editor does not link the wording without portal")
		}
		page := adm.Get(editor)
		if page.Status != 200 || strings.Contains(page.Body, `name="button"`) || strings.Contains(page.Body, "<code>{{link}}</code>") ||
			!strings.Contains(page.Body, "Kontakte ohne Portalzugang") || !strings.Contains(page.Body, "{{ticket}}") {
			t.Fatalf("editor: %d\n%s", page.Status, page.Body)
		}
		bad := url.Values{"subject": {"Ticket {{ticket}}"}, "body": {"Bitte im Portal ansehen: {{link}}"}}
		r := adm.Post(editor, bad)
		if r.Status != 422 || !strings.Contains(r.Body, "{{link}}") || !strings.Contains(r.Body, "Bitte im Portal ansehen") {
			t.Fatalf("link accepted: %d\n%s", r.Status, r.Body)
		}
		good := url.Values{"subject": {"Ticket {{ticket}}"}, "greeting": {"Hallo {{first_name}},"}, "body": {"Antworten Sie einfach auf diese E-Mail."}}
		if r := adm.Post(editor, good); r.Status != 303 {
			t.Fatalf("save: %d\n%s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mail_templates WHERE mail_key = 'mail.ticket_received_noportal' AND button = ''`); n != 1 {
			t.Errorf("%d saved", n)
		}
	})
}
