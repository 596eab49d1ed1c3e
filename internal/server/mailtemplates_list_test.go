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

// TestMailTemplateList: the templates page groups the mails (customers' tickets,
// access, security notices, staff), sorts each group by the title the reader sees,
// lists the languages compactly in one row per mail, and filters with ?q=. The reply
// mail's editor says that the reply is quoted below its text; an empty greeting is
// refused with a message naming the built-in one.
func TestMailTemplateList(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")

		body := html.UnescapeString(adm.Get("/admin/settings/mails").Body)
		order := []string{"An Kunden: Tickets und Downloads", "An Kunden: Zugang und Konto",
			"An Kunden: Sicherheitshinweise", "An Mitarbeitende"}
		last := -1
		for _, h := range order {
			i := strings.Index(body, "<h2>"+h+"</h2>")
			if i <= last {
				t.Fatalf("group %q at %d, after %d", h, i, last)
			}
			last = i
		}
		// Within a group by the German title: "Antwort auf ein Ticket" before "Ticket
		// erhalten" (by key, ticket_received came first), both among the tickets.
		reply, received := strings.Index(body, "<strong>Antwort auf ein Ticket</strong>"), strings.Index(body, "<strong>Ticket erhalten</strong>")
		access := strings.Index(body, "<h2>An Kunden: Zugang und Konto</h2>")
		if reply < 0 || received < 0 || reply > received || received > access {
			t.Errorf("ticket mails not sorted by title: %d %d %d", reply, received, access)
		}
		// One row per mail, a link per language: no column per language.
		if strings.Contains(body, `<th scope="col">Deutsch</th>`) ||
			!strings.Contains(body, `href="/admin/settings/mails/ticket_reply/he"`) {
			t.Errorf("languages are not listed per row")
		}
		if !strings.Contains(body, `mail-filter.js`) {
			t.Errorf("no filter script")
		}

		// ?q= keeps the matching mails and their groups only, case ignored.
		found := html.UnescapeString(adm.Get("/admin/settings/mails?" + url.Values{"q": {"passkey"}}.Encode()).Body)
		if !strings.Contains(found, "Passkey hinzugefügt") || strings.Contains(found, "Antwort auf ein Ticket") ||
			strings.Contains(found, "<h2>An Kunden: Tickets und Downloads</h2>") || !strings.Contains(found, `value="passkey"`) {
			t.Errorf("filter by q")
		}
		none := adm.Get("/admin/settings/mails?q=zzzz").Body
		if !strings.Contains(none, "Keine E-Mail passt zu Ihrer Suche.") || strings.Contains(none, `id="mail-none" hidden`) {
			t.Errorf("no message for a search without results")
		}

		// The reply mail's editor explains where the reply's text goes ({{reply}}).
		ed := html.UnescapeString(adm.Get("/admin/settings/mails/ticket_reply/de").Body)
		if !strings.Contains(ed, "Die Antwort steht dort, wo ihr Platzhalter steht") ||
			!strings.Contains(ed, `aria-describedby="h-body h-quoted"`) {
			t.Errorf("reply editor does not say the reply is quoted")
		}
		if strings.Contains(adm.Get("/admin/settings/mails/invitation/de").Body, `id="h-quoted"`) {
			t.Errorf("the invitation quotes nothing")
		}
		// An empty greeting: refused, the built-in one named as the example. (The reply
		// mails need none: the agent greets in their own text.)
		form := url.Values{"subject": {"Status zu {{ticket}}"}, "greeting": {"  "}, "body": {"Es gibt einen neuen Status."},
			"button": {"Ansehen"}}
		r := adm.Post("/admin/settings/mails/ticket_status/de", form)
		if b := html.UnescapeString(r.Body); r.Status != 422 || !strings.Contains(b, "Bitte geben Sie eine Anrede ein") ||
			!strings.Contains(b, "„Hallo {{first_name}},“") || !strings.Contains(r.Body, `id="e-greeting"`) ||
			!strings.Contains(b, "Es gibt einen neuen Status.") {
			t.Errorf("empty greeting: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mail_templates`); n != 0 {
			t.Errorf("empty greeting stored")
		}
	})
}
