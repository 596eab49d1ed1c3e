package server_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAdminDownloadSearchLimit: the back office's download search is bounded as the
// portal's is (download.MaxSearch): the box says 200 as maxlength, a longer query from a
// hand-made address is cut there, and the note "Results for … in all folders" names the
// cut search, never the whole paste; the results come a page at a time, and the link to
// the next page carries the cut search too (in the portal as well).
func TestAdminDownloadSearchLimit(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		x200 := strings.Repeat("x", 200)
		for i := range 51 { // one more than a page
			seedDownload(t, w.env, ta, x200, 0, nil, []byte(strconv.Itoa(i)))
		}
		staff := w.env.Client("a.test")
		staff.AdminLogin("admin@a.test", "admin-a-password")
		if page := staff.Get("/admin/downloads").Body; !strings.Contains(page, `name="q" value="" maxlength="200"`) {
			t.Errorf("the back office's downloads search box has no maxlength of 200")
		}
		r := staff.Get("/admin/downloads?q=" + strings.Repeat("x", 600))
		note := deMsg("downloads.results", map[string]any{"Search": x200})
		if r.Status != 200 || !strings.Contains(r.Body, note) || strings.Contains(r.Body, strings.Repeat("x", 201)) {
			t.Errorf("a 600-character search: %d, want it cut to 200 characters and named in the note", r.Status)
		}
		if n := len(fileLink.FindAllString(r.Body, -1)); n != 50 {
			t.Errorf("a search matching 51 files shows %d, want a page of 50", n)
		}
		if !strings.Contains(r.Body, `href="/admin/downloads?page=2&amp;q=`+x200+`"`) {
			t.Errorf("the next page's link does not carry the cut search")
		}
		// The company picker's search on a file's page is cut the same way.
		if page := staff.Get("/admin/downloads/files/new").Body; !strings.Contains(page, `name="company_q" value="" maxlength="200"`) {
			t.Errorf("the company picker's search box has no maxlength of 200")
		}
		if r := staff.Get("/admin/downloads/companies?company_q=" + strings.Repeat("x", 600)); r.Status != 200 || strings.Contains(r.Body, strings.Repeat("x", 201)) {
			t.Errorf("a 600-character company search: %d, want it cut to 200 characters", r.Status)
		}
		// The portal's next page carries the cut search too.
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		if r := alice.Get("/downloads?q=" + strings.Repeat("x", 600)); r.Status != 200 ||
			!strings.Contains(r.Body, `href="/downloads?page=2&amp;q=`+x200+`"`) || strings.Contains(r.Body, strings.Repeat("x", 201)) {
			t.Errorf("the portal's next page of a 600-character search: %d, want the link with the cut search", r.Status)
		}
		if r := staff.Get("/admin/downloads?q=" + strings.Repeat("x", 600) + "&page=2"); len(fileLink.FindAllString(r.Body, -1)) != 1 {
			t.Errorf("the second page of the search does not hold the 51st file")
		}
	})
}

// fileLink is a link to a file's page in the back office's download list.
var fileLink = regexp.MustCompile(`href="/admin/downloads/files/[0-9]`)
