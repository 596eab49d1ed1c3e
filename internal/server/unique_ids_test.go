package server_test

import (
	"regexp"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// idAttr finds the id attributes of a page.
var idAttr = regexp.MustCompile(`\sid="([^"]+)"`)

// duplicateIDs lists the ids a page uses more than once: a label's for= and an
// aria-describedby then point at whichever element comes first, so a screen reader
// names the wrong field (the back office's ticket page once had two "f-status").
func duplicateIDs(body string) []string {
	seen := map[string]int{}
	var dup []string
	for _, m := range idAttr.FindAllStringSubmatch(body, -1) {
		if seen[m[1]]++; seen[m[1]] == 2 {
			dup = append(dup, m[1])
		}
	}
	return dup
}

// TestUniqueIDs walks the pages with the most forms, in the portal and the back office,
// and finds no element id used twice.
func TestUniqueIDs(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := itoa64(h.open(t, h.acme, h.anna, "Printer jammed"))
		h.askRatings(t, true)
		admin := []string{"/admin/", "/admin/tickets", "/admin/tickets/" + id, "/admin/tickets/new?company=" + itoa64(h.acme.ID),
			"/admin/companies", "/admin/companies/" + itoa64(h.acme.ID), "/admin/contacts", "/admin/contacts/" + itoa64(h.anna.ID),
			"/admin/settings", "/admin/settings/helpdesk", "/admin/settings/mail", "/admin/settings/branding", "/admin/account",
			"/admin/kb", "/admin/kb/new", "/admin/downloads", "/admin/inbox", "/admin/outbox", "/admin/staff",
			"/admin/text-modules", "/admin/text-modules/new", "/admin/audit", "/admin/settings/mails/invitation/de"}
		portal := []string{"/", "/tickets", "/tickets/" + id, "/tickets/new", "/kb", "/downloads", "/settings",
			"/settings/notifications", "/account", "/colleagues"}
		anna := h.portal("anna@acme.test", "anna-password-1")
		check := func(who string, get func(string) (int, string), paths []string) {
			for _, p := range paths {
				status, body := get(p)
				if status != 200 {
					t.Errorf("%s GET %s: %d", who, p, status)
					continue
				}
				if dup := duplicateIDs(body); len(dup) > 0 {
					t.Errorf("%s GET %s: ids used twice: %s", who, p, strings.Join(dup, ", "))
				}
			}
		}
		check("staff", func(p string) (int, string) { r := h.staffC.Get(p); return r.Status, r.Body }, admin)
		check("contact", func(p string) (int, string) { r := anna.Get(p); return r.Status, r.Body }, portal)
	})
}
