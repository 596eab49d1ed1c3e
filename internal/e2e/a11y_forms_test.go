package e2e

import (
	"strconv"

	"github.com/chromedp/chromedp"
)

// formChecks runs axe where pages change after a person acts: forms the server
// refused (errors next to the fields, the form kept) and the knowledge-base
// suggestions htmx puts under a new ticket's title.
func (a *axeAudit) formChecks(c, adm, visitor *session) {
	c.open("/tickets/new", "#f-title")
	c.do("type a title", chromedp.SendKeys(css("#f-title"), "Drucker"),
		chromedp.WaitVisible(css("#kb-suggestions .kb-suggest")))
	a.check(c, "desktop contact /tickets/new with knowledge-base suggestions")

	a.refused(c, "/tickets/new", `form[action="/tickets"]`)
	a.refused(c, "/account", `form[action="/account/details"]`)
	a.refused(adm, "/admin/companies/new", `form[action="/admin/companies"]`)
	a.refused(adm, "/admin/contacts/new", `form[action="/admin/contacts"]`)
	a.refused(visitor, "/register", `form[action="/register"]`)

	visitor.open("/login", "#f-email")
	visitor.fill("email", "nobody@example.test")
	visitor.fill("password", "not-the-password")
	visitor.clickTo(`form[action="/login"] button[type=submit]`, "main .flash.error, main .error-msg")
	a.check(visitor, "desktop visitor /login refused")
}

// refused empties the text fields of the form on path, sends it past the browser's own
// checks, and runs axe on the page with the server's error messages.
func (a *axeAudit) refused(s *session, path, form string) {
	s.t.Helper()
	s.open(path, form)
	send := `(() => {
		const f = document.querySelector(` + strconv.Quote(form) + `);
		f.querySelectorAll("input[type=text], input[type=email], input[type=tel], input:not([type]), textarea").forEach(i => { i.value = ""; });
		f.noValidate = true;
		f.requestSubmit();
	})()`
	s.follow("send "+form+" empty", chromedp.Evaluate[chromedp.Void](send), form)
	if s.eval(`String(document.querySelectorAll("[aria-invalid=true], .error-msg, .flash.error").length)`) == "0" {
		s.fatalf("%s sent empty: no error shown", form)
	}
	a.check(s, "desktop "+s.who+" "+path+" refused")
}
