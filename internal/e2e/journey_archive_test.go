package e2e

import "strings"

// archiveAndRestore archives Kunde AG from its page in the back office: the
// confirmation names the one contact who loses access, the company page then carries
// the banner, the company list's "Archived" tab lists it with its badge, and the
// contact's sign-in is refused; "Restore" in the banner lets the contact in again.
func (j *journey) archiveAndRestore(admin *session) {
	page := "/admin/companies/" + j.companyID
	admin.open(page, "main h1")
	admin.clickTo(`a[href="`+page+`/archive"]`, `form[action="`+page+`/archive"] button[type="submit"]`)
	if s := admin.text("main ul"); !strings.Contains(s, "1 Kontakt verliert den Portalzugang") {
		admin.fatalf("confirmation says %q, want the contact who loses access", s)
	}
	admin.screenshot(j.shots, j.prefix+"admin-company-archive")
	admin.clickTo(`form[action="`+page+`/archive"] button[type="submit"]`, `.banner form[action="`+page+`/restore"]`)
	admin.expectPath(page)
	if b := admin.text(".banner-text"); !strings.Contains(b, "Archiviert am") || !strings.Contains(b, adminName) {
		admin.fatalf("banner %q, want date and %s", b, adminName)
	}
	admin.screenshot(j.shots, j.prefix+"admin-company-archived")
	admin.open("/admin/companies", "main h1")
	admin.clickTo(`nav.tabs a[href="/admin/companies?state=archived"]`, `#results span.badge`)
	if s := admin.text("#results tbody"); !strings.Contains(s, companyName) {
		admin.fatalf("archived tab lists %q, want %s", s, companyName)
	}

	c := newSession(j.t, j.browser, j.env.Srv.URL, "contact "+contactEmail+" (archived)")
	c.open("/login", "#f-password")
	c.fill("email", contactEmail)
	c.fill("password", contactPass)
	c.clickTo(`form[action="/login"] button[type="submit"]`, ".flash.error")
	c.expectPath("/login")

	admin.open(page, ".banner")
	admin.clickTo(`.banner form[action="`+page+`/restore"] button`, "main h1")
	if admin.eval(`String(document.querySelector(".banner") !== null)`) == "true" {
		admin.fatalf("banner still there after the restore")
	}
	c.open("/login", "#f-password")
	c.fill("email", contactEmail)
	c.fill("password", contactPass)
	c.clickTo(`form[action="/login"] button[type="submit"]`, homeSel)
	c.expectPath("/")
}
