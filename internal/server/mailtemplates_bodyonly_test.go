package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestMailTemplateBodyOnly: the editor refuses {{reply}} outside the body or twice in
// it, and a support contact in the subject, with a message in the admin's language
// next to the field and the typed text kept; nothing is stored. The reply mail's
// editor says where the button's words go.
func TestMailTemplateBodyOnly(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		const editor = "/admin/settings/mails/ticket_reply/de"
		if page := adm.Get(editor); !strings.Contains(page.Body, "als Link zum Ticket") {
			t.Errorf("no button hint on the reply mail's editor")
		}
		for _, c := range []struct {
			form url.Values
			want string
		}{
			{url.Values{"subject": {"Re: {{reply}}"}, "body": {"{{reply}}"}, "button": {"Öffnen"}},
				"{{reply}} kann nur im Text der E-Mail verwendet werden"},
			{url.Values{"subject": {"Re"}, "body": {"{{reply}}\n\n{{reply}}"}, "button": {"Öffnen"}},
				"{{reply}} kann nur einmal verwendet werden"},
		} {
			r := adm.Post(editor, c.form)
			body := html.UnescapeString(r.Body)
			if r.Status != 422 && r.Status != 400 && r.Status != 200 || !strings.Contains(body, c.want) || !strings.Contains(body, c.form.Get("subject")) {
				t.Errorf("%v: %d, no %q", c.form, r.Status, c.want)
			}
		}
		r := adm.Post("/admin/settings/mails/twofactor_enabled/de", url.Values{"subject": {"Anrufen: {{support_phone}}"},
			"greeting": {"Hallo"}, "body": {"Text"}, "button": {"Anmelden"}})
		if !strings.Contains(html.UnescapeString(r.Body), "{{support_phone}} kann nur im Text") {
			t.Errorf("support phone in the subject accepted: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mail_templates`); n != 0 {
			t.Errorf("%d texts stored", n)
		}
	})
}
