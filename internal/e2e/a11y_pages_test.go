package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/chromedp/chromedp"
)

// viewport is a window size the pages are checked at.
type viewport struct {
	name          string
	width, height int64
	mobile        bool // a phone: the page's meta viewport applies, touch input
}

var (
	desktop = viewport{name: "desktop", width: 1280, height: 900}
	phone   = viewport{name: "mobile", width: 375, height: 812, mobile: true}
)

// setViewport makes the session's tab the size of v.
func (s *session) setViewport(v viewport) {
	s.t.Helper()
	var opts []chromedp.EmulateViewportOption
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	s.do("viewport "+v.name, chromedp.EmulateViewport(v.width, v.height, opts...))
}

// firstLink returns the first href on the current page that matches pattern, the way
// the test finds real ids (a ticket, an article, a folder) without knowing them.
func (s *session) firstLink(pattern string) string {
	s.t.Helper()
	regexp.MustCompile(pattern) // the same syntax in Go and JavaScript for these patterns
	js := fmt.Sprintf(`[...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")).find(h => new RegExp(%s).test(h)) || ""`,
		strconv.Quote(pattern))
	h := s.eval(js)
	if h == "" {
		s.fatalf("no link matching %s", pattern)
	}
	return h
}

// linkFrom opens path and returns its first link matching pattern.
func (s *session) linkFrom(path, pattern string) string {
	s.t.Helper()
	s.open(path, "main")
	return s.firstLink(pattern)
}

// publicPages are the pages anyone sees without signing in, including the answers to
// links that are no longer valid and the not-found page.
var publicPages = []string{
	"/login", "/password/forgot", "/register", "/login/code",
	"/invitation/no-such-token", "/password/reset/no-such-token", "/register/confirm/no-such-token",
	"/admin/login", "/admin/password/forgot", "/admin/login/code",
	"/admin/setup/no-such-token", "/admin/invitation/no-such-token", "/admin/password/reset/no-such-token",
	"/no-such-page",
}

// portalPages lists every page of the portal a main contact sees, with real ids of
// their company's records (file downloads and the data export are files, not pages).
func portalPages(c *session) []string {
	c.t.Helper()
	return []string{
		"/", "/choose",
		c.linkFrom("/", `^/companies/\d+$`),
		"/tickets", "/tickets/new", "/tickets/report",
		c.linkFrom("/tickets", `^/tickets/\d+$`),
		"/kb", "/kb/search?q=Drucker",
		c.linkFrom("/kb", `^/kb/articles/[^/]+$`),
		c.linkFrom("/kb", `^/kb/categories/\d+$`),
		"/downloads",
		c.linkFrom("/downloads", `^/downloads/folders/\d+$`),
		c.linkFrom("/downloads", `^/downloads/files/\d+$`),
		"/colleagues", "/account", "/account/twofactor/setup", "/settings",
		"/tickets/999999999", // not found, inside the contact's frame
	}
}

// adminPages lists every page of the back office an administrator sees, with real ids.
func adminPages(a *session) []string {
	a.t.Helper()
	company := a.linkFrom("/admin/companies", `^/admin/companies/\d+$`)
	article := a.linkFrom("/admin/kb", `^/admin/kb/articles/\d+$`)
	pages := []string{
		"/admin/",
		"/admin/tickets", "/admin/tickets/new",
		"/admin/tickets/new?company=" + company[len("/admin/companies/"):],
		a.linkFrom("/admin/tickets", `^/admin/tickets/\d+$`),
		"/admin/companies", "/admin/companies/new", company,
		company + "/archive", "/admin/companies?state=archived", // company_archive
		"/admin/contacts", "/admin/contacts/new",
		a.linkFrom("/admin/contacts", `^/admin/contacts/\d+$`),
		"/admin/inbox",
	}
	a.open("/admin/inbox", "main")
	items := a.eval(`JSON.stringify([...new Set([...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")).filter(h => /^\/admin\/inbox\/\d+$/.test(h)))])`)
	pages = append(pages, decodeList(a, items)...) // every demo item: registration, mails
	pages = append(pages,
		"/admin/outbox",
		a.linkFrom("/admin/outbox", `^/admin/outbox/\d+$`),
		"/admin/kb", "/admin/kb/new", "/admin/kb/categories",
		article, article+"/view",
		a.linkFrom(article, `^/admin/kb/articles/\d+/translations/[a-z]+$`),
		"/admin/downloads", "/admin/downloads/files/new", "/admin/downloads/settings",
		a.linkFrom("/admin/downloads", `^/admin/downloads/folders/\d+$`),
		a.linkFrom("/admin/downloads", `^/admin/downloads/files/\d+$`),
		"/admin/staff", "/admin/audit",
		"/admin/settings", "/admin/settings/helpdesk", "/admin/settings/branding", "/admin/settings/mail",
		"/admin/settings/mails",
		a.linkFrom("/admin/settings/mails", `^/admin/settings/mails/[a-z_]+/[a-z]+$`),
		// The editors below the settings menu show it too (settingsFrame).
		"/admin/text-modules", "/admin/text-modules/new",
		a.linkFrom("/admin/text-modules", `^/admin/text-modules/\d+$`),
		"/admin/settings/helpdesk/blocked",
		"/admin/account", "/admin/account/twofactor/setup",
		"/admin/companies/999999999",
	)
	return pages
}

// walk checks every path at viewport v: axe, and on a phone that nothing is wider
// than the screen.
func (a *axeAudit) walk(s *session, v viewport, paths []string) {
	s.t.Helper()
	s.setViewport(v)
	for _, p := range paths {
		s.open(p, "main")
		name := v.name + " " + s.who + " " + p
		a.check(s, name)
		if v.mobile {
			a.overflow(s, name, v.width)
		}
	}
}

// overflow records the page as failing when the document is wider than the screen
// (a phone user would have to scroll sideways), naming the widest elements.
func (a *axeAudit) overflow(s *session, name string, width int64) {
	s.t.Helper()
	const js = `(() => {
		const w = document.documentElement.scrollWidth;
		if (w <= %d && w <= window.innerWidth) return "";
		const wide = [...document.querySelectorAll("body *")].filter(el => el.getBoundingClientRect().right > %d + 1 || el.getBoundingClientRect().left < -1)
			.filter(el => !el.closest(".table-wrap, .sr-only, .skip-link"))
			.slice(-5).map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).replace(/ +/g, ".") : "") + " " + Math.round(el.getBoundingClientRect().right));
		return "scrollWidth " + w + " > " + %d + ": " + wide.join(", ");
	})()`
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(js, width, width, width)))
	if err != nil {
		s.fatalf("measure %s: %v", name, err)
	}
	if got != "" {
		a.overflows = append(a.overflows, name+": "+got)
	}
}
