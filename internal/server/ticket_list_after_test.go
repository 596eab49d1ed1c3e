package server_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

var (
	nextLink = regexp.MustCompile(`<a class="next" href="([^"]+)" rel="next"`)
	prevLink = regexp.MustCompile(`<a class="prev" href="([^"]+)" rel="prev"`)
)

// TestTicketListNextAfter: the queue's and the portal's "next" link names where the
// page ended (?after=, keyset paging), in every order; following it lists the rest of
// the tickets once each, and the link back to the page before is by number again.
func TestTicketListNextAfter(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		for i := range 55 { // opened within a second or two: activity times tie across the page end
			h.open(t, h.beta, h.clara, fmt.Sprintf("Paged %02d", i))
		}
		portal := h.env.Client("hd.test")
		portal.Login("clara@beta.test", "clara-password-1")
		queueRow := regexp.MustCompile(`href="/admin/tickets/(\d+)"`)
		portalRow := regexp.MustCompile(`href="/tickets/(\d+)"`)
		for _, sort := range []string{"updated", "created", "oldest", "priority"} {
			pages(t, "queue "+sort, h.staffC.Get, "/admin/tickets?company="+itoa64(h.beta.ID)+"&sort="+sort, queueRow)
			pages(t, "portal "+sort, portal.Get, "/tickets?state=all&sort="+sort, portalRow)
		}
	})
}

// pages follows the next link of the list at first to the end and checks that the 55
// tickets came once each, two pages, with ?after= in the next link only.
func pages(t *testing.T, name string, get func(string) apptest.Response, first string, row *regexp.Regexp) {
	t.Helper()
	seen := map[string]bool{}
	url := first
	for n := 1; url != ""; n++ {
		r := get(url)
		if r.Status != 200 {
			t.Fatalf("%s page %d (%s): %d", name, n, url, r.Status)
		}
		page := map[string]bool{} // a queue row links its ticket more than once
		for _, m := range row.FindAllStringSubmatch(r.Body, -1) {
			if seen[m[1]] && !page[m[1]] {
				t.Errorf("%s: ticket %s again on page %d", name, m[1], n)
			}
			seen[m[1]], page[m[1]] = true, true
		}
		if p := prevLink.FindStringSubmatch(r.Body); p != nil && strings.Contains(p[1], "after=") {
			t.Errorf("%s page %d: the link back carries a place: %s", name, n, p[1])
		}
		url = ""
		if m := nextLink.FindStringSubmatch(r.Body); m != nil {
			if url = html.UnescapeString(m[1]); !strings.Contains(url, "after=") || !strings.Contains(url, fmt.Sprintf("page=%d", n+1)) {
				t.Errorf("%s page %d: next link %s names no place", name, n, url)
			}
		}
		if n > 2 {
			t.Fatalf("%s: more than two pages", name)
		}
	}
	if len(seen) != 55 {
		t.Errorf("%s: %d tickets listed, want 55", name, len(seen))
	}
}
