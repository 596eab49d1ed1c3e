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

// TestMailTemplateSamplesInMailLanguage: a ticket mail's editor and preview show the
// ticket's title and status in the mail's own language, not German samples under an
// English mail (and the German mail keeps its German ones).
func TestMailTemplateSamplesInMailLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		for _, c := range []struct {
			lang, want, not string
		}{
			{"en", "Printer on the 2nd floor prints nothing", "Drucker"},
			{"en", "In progress", "In Bearbeitung"},
			{"de", "Drucker im 2. OG druckt nicht", "Printer"},
			{"de", "In Bearbeitung", "In progress"},
		} {
			editor := "/admin/settings/mails/ticket_status/" + c.lang
			page := adm.Get(editor)
			body := html.UnescapeString(page.Body)
			if page.Status != 200 || !strings.Contains(body, c.want) || strings.Contains(body, c.not) {
				t.Errorf("%s editor: %d, want %q without %q", c.lang, page.Status, c.want, c.not)
			}
			pv := adm.Post(editor+"/preview", url.Values{"subject": {"{{title}}: {{status}}"},
				"greeting": {"Hi {{first_name}},"}, "body": {"{{title}} is {{status}}."}, "button": {"Open"}})
			body = html.UnescapeString(pv.Body)
			if pv.Status != 200 || !strings.Contains(body, c.want) || strings.Contains(body, c.not) {
				t.Errorf("%s preview: %d, want %q without %q", c.lang, pv.Status, c.want, c.not)
			}
		}
	})
}
