package portal

import (
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/contact"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// switchSections are the sections a switch of company in the header returns to: the
// first part of the path the contact came from, and the address of that section in
// any company. A record's page (/tickets/12, /kb/printer, /downloads/files/3) belongs
// to the company left, so the switch opens its section's start instead.
var switchSections = map[string]string{
	"tickets":   "/tickets",
	"kb":        "/kb",
	"downloads": "/downloads",
	"account":   "/account",
	"settings":  "/settings",
}

// switchBack is where the header's switch to company m leads: the section of the page
// the contact came from (the Referer, same site only: web.BackTo) when that section
// exists in m — the company's own page becomes m's, Colleagues only for a main contact
// there — else the home page. The answer is always one of these fixed addresses, so
// the form cannot be made to redirect anywhere else.
func switchBack(r *http.Request, m contact.Membership) string {
	from := web.BackTo(r, "/")
	if i := strings.IndexAny(from, "?#"); i >= 0 {
		from = from[:i]
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(from, "/"), "/")
	switch first {
	case "companies":
		return "/companies/" + strconv.FormatInt(m.CompanyID, 10)
	case "colleagues":
		if m.Role == principal.RoleMain {
			return "/colleagues"
		}
	}
	if to, ok := switchSections[first]; ok {
		return to
	}
	return "/"
}
