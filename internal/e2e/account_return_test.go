package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// sectionInViewJS says where the element with the given id and the error message below
// it are, as "ok" when both are on the screen and the page is scrolled down to them,
// else what is off.
const sectionInViewJS = `((id, err) => {
	const s = document.getElementById(id), e = document.getElementById(err);
	if (!s || !e) return "missing " + (s ? err : id);
	const top = s.getBoundingClientRect().top, msg = e.getBoundingClientRect();
	if (window.scrollY < 100) return "page at the top (scrollY " + Math.round(window.scrollY) + ")";
	if (top < -2 || top > window.innerHeight / 2) return "#" + id + " starts at " + Math.round(top) + " px";
	if (msg.top < 0 || msg.bottom > window.innerHeight) return "#" + err + " off the screen at " + Math.round(msg.top) + " px";
	return "ok";
})`

// TestAccountRefusalReturnsToItsForm: on a phone, My account's "switch off two-factor
// authentication" refused for an empty password comes back scrolled to its section with
// the message on the screen, not at the top of the long page; the label "Password" in
// that form focuses that form's field, not "New password" in the password card (both
// fields were f-password).
func TestAccountRefusalReturnsToItsForm(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		env.Contact(ten, contactEmail, contactPass, "user", env.Company(ten, companyName))

		c := newSession(t, browser, env.Srv.URL, "contact")
		c.setViewport(phone)
		login(c, contactEmail, contactPass)
		c.open("/account", "#twofactor")
		c.clickTo(`form[action="/account/twofactor/setup"] button`, "#totp-secret")
		secret := c.eval(`document.querySelector("#totp-secret").dataset.secret`)
		c.fill("code", totpCode(c, secret, 0))
		c.clickTo(`form[action="/account/twofactor/confirm"] button[type=submit]`, ".recovery-codes")
		c.clickTo(`a[href="/account"].btn`, "#f-disable-password")

		c.do("click the switch-off form's label", chromedp.Click(css(`label[for="f-disable-password"]`)))
		if got := c.eval(`document.activeElement.id`); got != "f-disable-password" {
			c.fatalf("the switch-off form's label focuses %q", got)
		}
		c.clickTo(`form[action="/account/twofactor/disable#twofactor"] button[type=submit]`, "#e-disable-password")
		c.viewportShot(artifactDir(t), "account-disable-refused-"+string(e))
		if got := c.eval(sectionInViewJS + `("twofactor", "e-disable-password")`); got != "ok" {
			c.fatalf("refused switch-off: %s", got)
		}
	})
}
