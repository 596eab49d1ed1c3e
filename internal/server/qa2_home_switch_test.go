package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanySwitchReturns: switching company in the header returns to the section the
// contact was in (a record's page to its section's start, since the record belongs to
// the company left; the company page to the new company's; Colleagues only where the
// contact is a main contact), and anything else — no Referer, another site, an
// unknown path — to the home page: never off the portal.
func TestCompanySwitchReturns(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		one, two := env.Company(ten, "Eins GmbH"), env.Company(ten, "Zwei GmbH")
		both := env.Contact(ten, "both@kunde.test", "both-password", "main", one, two)
		if _, err := env.DB.Exec(ctx, `UPDATE memberships SET role = 'user' WHERE contact_id = ? AND company_id = ?`, both.ID, two.ID); err != nil {
			t.Fatal(err)
		}
		c := env.Client("a.test")
		c.Login("both@kunde.test", "both-password")
		if r := c.Post("/choose", url.Values{"company_id": {id(one.ID)}}); r.Status != 303 {
			t.Fatalf("choose: %d", r.Status)
		}
		// The switches alternate: to Zwei (a user there) on even steps, to Eins (main).
		for i, tc := range []struct{ from, want string }{
			{"/tickets?state=done&q=Drucker", "/tickets"},
			{"/tickets/12", "/tickets"},
			{"/tickets/12/rating", "/tickets"},
			{"/kb/drucker-einrichten", "/kb"},
			{"/downloads/files/3", "/downloads"},
			{"/account", "/account"},
			{"/account#sessions", "/account"},
			{"/settings/notifications", "/settings"},
			{"/companies/" + id(one.ID), "/companies/{to}"},
			{"/colleagues", "/colleagues"}, // main contact in Eins
			{"/colleagues", "/"},           // a user in Zwei
			{"/", "/"},
			{"/tickets/../../settings", "/settings"},
			{"/unknown/page", "/"},
			{"http://evil.test/tickets", "/"},
			{"//evil.test/tickets", "/"},
			{"/%2F%2Fevil.test", "/"},
			{"", "/"},
		} {
			to := two
			if i%2 == 1 {
				to = one
			}
			want := strings.ReplaceAll(tc.want, "{to}", id(to.ID))
			form := url.Values{"company_id": {id(to.ID)}}
			var r apptest.Response
			if tc.from == "" {
				r = c.Post("/company", form)
			} else {
				r = c.PostFrom(tc.from, "/company", form)
			}
			if r.Status != 303 || r.Location != want {
				t.Errorf("switch to %s from %q: %d %q, want %q", to.Name, tc.from, r.Status, r.Location, want)
				continue
			}
			if p := c.Get(r.Location); p.Status != 200 || !strings.Contains(p.Body, `value="`+id(to.ID)+`" selected`) {
				t.Errorf("after the switch from %q, %s: %d (in %s: %v)", tc.from, r.Location, p.Status, to.Name,
					strings.Contains(p.Body, `value="`+id(to.ID)+`" selected`))
			}
		}
	})
}

// tocRE finds the jump list of My account and its links.
var (
	tocRE     = regexp.MustCompile(`(?s)<nav class="page-toc" aria-labelledby="account-toc-h"><h2 id="account-toc-h" class="page-toc-title">([^<]+)</h2><ul>(.*?)</ul></nav>`)
	tocLinkRE = regexp.MustCompile(`<li><a href="#([a-z-]+)">([^<]+)</a></li>`)
)

// TestAccountToc: My account starts with a list of links to its sections; every link
// leads to an element of the page with that id, in page order, each named as its
// section's heading, for a main contact and a user alike.
func TestAccountToc(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		for _, c := range []*apptest.Client{d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")} {
			r := c.Get("/account")
			m := tocRE.FindStringSubmatch(r.Body)
			if r.Status != 200 || m == nil || m[1] != "Auf dieser Seite" {
				t.Fatalf("no jump list on /account: %d", r.Status)
			}
			links := tocLinkRE.FindAllStringSubmatch(m[2], -1)
			if len(links) != 8 || strings.Count(m[2], "<li>") != len(links) {
				t.Fatalf("%d links understood: %s", len(links), m[2])
			}
			at := 0
			for _, l := range links {
				target := ` id="` + l[1] + `"`
				if n := strings.Count(r.Body, target); n != 1 {
					t.Errorf("#%s: %d elements with that id", l[1], n)
					continue
				}
				i := strings.Index(r.Body, target)
				if i < at {
					t.Errorf("#%s is not in page order", l[1])
				}
				at = i
				// The section carries the heading the link is named by.
				if !strings.Contains(r.Body[i:min(len(r.Body), i+2000)], ">"+l[2]+"</h2>") {
					t.Errorf("#%s: heading %q not in its section", l[1], l[2])
				}
			}
		}
	})
}
