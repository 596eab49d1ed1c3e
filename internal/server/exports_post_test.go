package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestExportsArePosts: the downloads that leave a copy of data in someone's name — a
// contact's own data export, a company's ticket report, the back office's audit log
// and reports as CSV — are POSTs, so that another site cannot start them in a signed-in
// browser (http.CrossOriginProtection checks unsafe methods only; the session cookie is
// SameSite=Lax, sent with a top-level GET from anywhere) and a prefetch does not run
// them. Each of the CSV exports writes an audit entry: as a GET, any page a member of
// staff opened could have added "exported the audit log" entries in their name. A
// GET of an old address (a bookmark) leads to the page offering the export, with its
// filter, and logs nothing; a cross-site POST is refused and logs nothing; the page's
// own button still downloads.
func TestExportsArePosts(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		period := "?from=2026-03-01&to=2026-03-31"
		audited := func() int { return count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE action LIKE '%exported'`) }

		for _, c := range []struct {
			path, page, cookie, value, kind, button string
		}{
			{"/account/export", "/account#export", web.PortalCookie, anna.Cookie(web.PortalCookie), "application/json", `action="/account/export"`},
			{"/tickets/report.csv" + period, "/tickets/report" + period, web.PortalCookie, anna.Cookie(web.PortalCookie), "text/csv",
				`action="/tickets/report.csv?from=2026-03-01&amp;to=2026-03-31"`},
			{"/admin/audit.csv?action=login", "/admin/audit?action=login", web.AdminCookie, h.staffC.Cookie(web.AdminCookie), "text/csv",
				`action="/admin/audit.csv?action=login"`},
			{"/admin/reports/tickets.csv" + period, "/admin/reports" + period, web.AdminCookie, h.staffC.Cookie(web.AdminCookie), "text/csv",
				`action="/admin/reports/tickets.csv?from=2026-03-01&amp;to=2026-03-31"`},
			{"/admin/reports/time.csv" + period, "/admin/reports" + period, web.AdminCookie, h.staffC.Cookie(web.AdminCookie), "text/csv",
				`action="/admin/reports/time.csv?from=2026-03-01&amp;to=2026-03-31"`},
		} {
			send := func(method string, hdr map[string]string) (int, string, string, string) {
				t.Helper()
				req, err := http.NewRequest(method, h.env.Srv.URL+c.path, nil)
				if err != nil {
					t.Fatal(err)
				}
				req.Host = "hd.test"
				req.AddCookie(&http.Cookie{Name: c.cookie, Value: c.value})
				for k, v := range hdr {
					req.Header.Set(k, v)
				}
				hc := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
					return http.ErrUseLastResponse
				}}
				res, err := hc.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				return res.StatusCode, res.Header.Get("Location"), res.Header.Get("Content-Type"), string(b)
			}

			before := audited()
			status, loc, kind, _ := send(http.MethodGet, nil)
			if status < 300 || status > 308 || loc != c.page || strings.HasPrefix(kind, c.kind) {
				t.Errorf("GET %s: %d to %q (%s), want a redirect to %s", c.path, status, loc, kind, c.page)
			}
			// A link on another site: a top-level GET carries the cookie and the site's name.
			if status, _, kind, _ := send(http.MethodGet, map[string]string{"Sec-Fetch-Site": "cross-site"}); strings.HasPrefix(kind, c.kind) {
				t.Errorf("cross-site GET %s: %d downloads", c.path, status)
			}
			if status, _, kind, _ := send(http.MethodPost, map[string]string{"Sec-Fetch-Site": "cross-site"}); status != 403 || strings.HasPrefix(kind, c.kind) {
				t.Errorf("cross-site POST %s: %d %s, want 403", c.path, status, kind)
			}
			if n := audited(); n != before {
				t.Errorf("%s: %d audit entries from requests that exported nothing", c.path, n-before)
			}

			page := anna.Get(c.page).Body
			if c.cookie == web.AdminCookie {
				page = h.staffC.Get(c.page).Body
			}
			if !strings.Contains(page, `<form method="post" `+c.button) {
				t.Errorf("%s offers no POST form for the export (%s)", c.page, c.button)
			}
			if status, _, kind, _ := send(http.MethodPost, nil); status != 200 || !strings.HasPrefix(kind, c.kind) {
				t.Errorf("POST %s: %d %s", c.path, status, kind)
			}
			if want := before + strings.Count(c.kind, "csv"); audited() != want {
				t.Errorf("POST %s: %d audit entries, want %d", c.path, audited()-before, want-before)
			}
		}
	})
}
