package server_test

import (
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBSuggestTitles: the ticket form's suggestions answer the titles contacts really
// type, sentences full of "geht nicht", with articles whose words are compounds
// ("Multifunktionsdrucker"), within what the contact may read.
func TestKBSuggestTitles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde A")
		env.Contact(ten, "a@kunde-a.test", "kunde-a-password", "user", co)
		kbArticle(t, env, ten, 0, "toner", kb.StatusPublished, kb.VisibilityPublic, "Toner am Multifunktionsdrucker wechseln", "Frontklappe öffnen.")
		kbArticle(t, env, ten, 0, "vpn", kb.StatusPublished, kb.VisibilityCustomers, "VPN-Zugang mit WireGuard einrichten", "Tunnel aktivieren.")
		kbArticle(t, env, ten, 0, "zwei-faktor", kb.StatusPublished, kb.VisibilityCustomers, "Zwei-Faktor-Anmeldung einrichten", "QR-Code scannen.")
		kbArticle(t, env, ten, 0, "entwurf", kb.StatusDraft, kb.VisibilityPublic, "Drucker druckt nicht (Entwurf)", "geheim")
		contact, visitor := env.Client("a.test"), env.Client("a.test")
		contact.Login("a@kunde-a.test", "kunde-a-password")
		for _, c := range []struct {
			title            string
			contact, visitor string // the article suggested ("": none)
		}{
			{"Drucker druckt nicht", "toner", "toner"},
			{"Toner leer", "toner", "toner"},
			{"VPN geht nicht", "vpn", ""},
			{"Kann mich nicht anmelden", "zwei-faktor", ""},
			{"geht nicht", "", ""},
		} {
			for _, who := range []struct {
				c    *apptest.Client
				name string
				want string
			}{{contact, "contact", c.contact}, {visitor, "visitor", c.visitor}} {
				r := who.c.Get("/kb/suggest?title=" + kbQuery(c.title))
				if r.Status != 200 || strings.Contains(r.Body, "entwurf") {
					t.Errorf("%q (%s): %d %.300s", c.title, who.name, r.Status, r.Body)
				}
				if n := strings.Count(r.Body, `href="/kb/articles/`); (who.want == "" && n != 0) ||
					(who.want != "" && (n != 1 || !strings.Contains(r.Body, `href="/kb/articles/`+who.want+`"`))) {
					t.Errorf("%q (%s): want %q, got %.500s", c.title, who.name, who.want, r.Body)
				}
			}
		}
	})
}
