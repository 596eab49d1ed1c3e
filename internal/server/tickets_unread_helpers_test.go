package server_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
)

// queueRowRE finds the back office queue's rows: the row's class and its ticket.
var queueRowRE = regexp.MustCompile(`(?s)<tr( class="unread")?>\s*<td class="pick">.*?href="/admin/tickets/(\d+)"(.*?)</tr>`)

// queueNew fetches the queue at path and returns, per ticket listed, whether it is
// shown new: the row bold (class) and the "new" badge in words, never one without the
// other.
func queueNew(t *testing.T, c *apptest.Client, path string) map[int64]bool {
	t.Helper()
	r := c.Get(path)
	if r.Status != 200 {
		t.Fatalf("%s: %d", path, r.Status)
	}
	out := map[int64]bool{}
	for _, m := range queueRowRE.FindAllStringSubmatch(r.Body, -1) {
		id, _ := strconv.ParseInt(m[2], 10, 64)
		bold, badge := m[1] != "", strings.Contains(m[3], `<span class="badge news"`)
		if bold != badge {
			t.Fatalf("%s: ticket %d bold %v but badge %v", path, id, bold, badge)
		}
		out[id] = bold
	}
	return out
}

// portalRowRE finds the portal ticket list's rows (number, and what follows the title).
var portalRowRE = regexp.MustCompile(`<a dir="auto" href="/tickets/(\d+)">[^<]*</a>( <span class="badge news">([^<]*)</span>)?</td>`)

// portalNew fetches the contact's ticket list at path and returns, per ticket listed,
// whether it carries the badge "New reply" (badge is its text in the contact's
// language). No mark of the kept list may reach the page.
func portalNew(t *testing.T, c *apptest.Client, path, badge string) map[int64]bool {
	t.Helper()
	r := c.Get(path)
	if r.Status != 200 {
		t.Fatalf("%s: %d", path, r.Status)
	}
	if strings.Contains(r.Body, "<!--news") {
		t.Fatalf("%s: a kept mark reached the page", path)
	}
	out := map[int64]bool{}
	for _, m := range portalRowRE.FindAllStringSubmatch(r.Body, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		out[id] = m[2] != ""
		if m[2] != "" && m[3] != badge {
			t.Fatalf("%s: badge %q, want %q", path, m[3], badge)
		}
	}
	return out
}

// homeNew returns, per ticket of the home page's "Your tickets", whether it carries
// the badge.
func homeNew(t *testing.T, c *apptest.Client) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, row := range homeTicketsAny(t, c) {
		out[row.id] = strings.Contains(row.rest, `<span class="badge news">`)
	}
	return out
}

// homeTicketsAny is homeTickets for a reader of any language: the panel's rows.
func homeTicketsAny(t *testing.T, c *apptest.Client) []homeRow {
	t.Helper()
	r := c.Get("/")
	if r.Status != 200 {
		t.Fatalf("home: %d", r.Status)
	}
	if strings.Contains(r.Body, "<!--news") {
		t.Fatal("home: a kept mark reached the page")
	}
	start := strings.Index(r.Body, `<section class="card home-tickets"`)
	if start < 0 {
		t.Fatalf("no ticket panel on the home page")
	}
	panel := r.Body[start:]
	panel = panel[:strings.Index(panel, "</section>")]
	var out []homeRow
	for _, m := range homeRowRE.FindAllStringSubmatch(panel, -1) {
		out = append(out, homeRow{id: m[2], title: m[3], rest: m[4], waiting: m[1] != ""})
	}
	return out
}

// readValues are the "mark all on this page as read" form's values on a queue page.
var readValueRE = regexp.MustCompile(`name="read" value="(\d+\.\d+)"`)

func readValues(body string) []string {
	var out []string
	for _, m := range readValueRE.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}
