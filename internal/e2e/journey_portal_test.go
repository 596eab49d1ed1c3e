package e2e

import (
	"strings"

	"github.com/chromedp/chromedp"

	"pforte/internal/tenant"
)

// homeSel is on the portal's home page only: the greeting and the company line under it.
const homeSel = "main h1 + p.muted"

// The contact of another company, seeded directly.
const (
	otherCompany  = "Andere GmbH"
	otherEmail    = "olga@andere.test"
	otherPassword = "olga-andere-password-2026"
)

// acceptInvitation follows the invitation in a browser of the contact's own: a too
// short password is refused next to the field, a valid one logs the contact in to the
// German portal, and the header's picker switches it to English for good.
func (j *journey) acceptInvitation(link string) {
	c := newSession(j.t, j.browser, j.env.Srv.URL, "contact "+contactEmail)
	c.open(link, "#f-password_confirm")
	c.expectLang("de")
	if body := c.body(); !strings.Contains(body, contactEmail) {
		c.fatalf("invitation page does not name %s", contactEmail)
	}
	submit := `main form.form button[type="submit"]`
	c.fill("password", "short")
	c.fill("password_confirm", "short")
	c.clickTo(submit, "#e-password")
	if msg := c.text("#f-password ~ p.error-msg"); !strings.Contains(msg, "mindestens 10 Zeichen") {
		c.fatalf("error next to the password field: %q, want the German minimum length", msg)
	}
	if !strings.HasPrefix(c.location(), link) {
		c.fatalf("a refused password left the invitation page")
	}
	c.do("form still there", chromedp.WaitVisible(css("#f-password_confirm")))

	c.fill("password", contactPass)
	c.fill("password_confirm", contactPass)
	c.clickTo(submit, homeSel)
	c.expectPath("/")
	c.expectLang("de")
	if h := c.text("main h1"); h != "Willkommen, "+contactFirst {
		c.fatalf("home heading %q, want the German welcome", h)
	}
	if s := c.text(homeSel); !strings.Contains(s, companyName) {
		c.fatalf("home names company %q, want %q", s, companyName)
	}
	c.screenshot(j.shots, j.prefix+"portal-home-de")

	// The header's language picker: choose, then press its button (no submit on change,
	// so keyboard users can browse the list).
	c.do("choose English", chromedp.SetValue(css("select#switch-lang"), "en"))
	c.clickTo("form:has(#switch-lang) button", homeSel)
	j.expectEnglishHome(c)
	c.screenshot(j.shots, j.prefix+"portal-home-en")
	c.do("reload", chromedp.Reload(), chromedp.WaitVisible(css(homeSel)))
	j.expectEnglishHome(c)

	// The contact's own company page works (the other contact below must not see it).
	c.open("/companies/"+j.companyID, "main dl.details")
	if h := c.text("main h1"); h != companyName {
		c.fatalf("own company page heading %q, want %q", h, companyName)
	}
}

// expectEnglishHome checks the contact sees the portal's home in English.
func (j *journey) expectEnglishHome(c *session) {
	c.t.Helper()
	c.expectPath("/")
	c.expectLang("en")
	if h := c.text("main h1"); h != "Welcome, "+contactFirst {
		c.fatalf("home heading %q, want the English welcome", h)
	}
}

// otherCompanyIsHidden logs a contact of another company in through the login form and
// has it open Kunde AG's page by URL: the portal answers 404 and shows nothing of it.
func (j *journey) otherCompanyIsHidden(ten tenant.Tenant) {
	co := j.env.Company(ten, otherCompany)
	j.env.Contact(ten, otherEmail, otherPassword, "main", co)

	o := newSession(j.t, j.browser, j.env.Srv.URL, "contact "+otherEmail)
	o.open("/login", "#f-password")
	o.fill("email", otherEmail)
	o.fill("password", otherPassword)
	o.clickTo(`form[action="/login"] button[type="submit"]`, homeSel)
	o.expectPath("/")
	if s := o.text(homeSel); !strings.Contains(s, otherCompany) {
		o.fatalf("home names company %q, want %q", s, otherCompany)
	}

	status := o.openStatus("/companies/"+j.companyID, "main h1")
	if status != 404 {
		o.fatalf("another company's page: HTTP %d, want 404", status)
	}
	if h := o.text("main h1"); h != "Seite nicht gefunden" && h != "Page not found" {
		o.fatalf("another company's page: heading %q, want the not-found page", h)
	}
	if html := o.eval(`document.documentElement.outerHTML`); html == "" || strings.Contains(html, companyName) {
		o.fatalf("the not-found page gives away %q (or could not be read)", companyName)
	}
}
