package e2e

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// pageWidthJS is "" when the page is no wider than a 375 px phone, else the widths and
// the file link that sticks out. A phone widens its layout viewport to a wider page
// (window.innerWidth grows with it), so the width is compared with the phone's own.
const pageWidthJS = `(() => {
	const w = document.documentElement.scrollWidth;
	if (w <= 375) return "";
	const a = [...document.querySelectorAll("ul.files a")].find(a => a.getBoundingClientRect().right > 375);
	return "page " + w + " px on a 375 px phone" + (a ? ", file link ends at " + Math.round(a.getBoundingClientRect().right) : "");
})()`

// TestTicketLongFileNameWidth: an attachment named with ~90 characters and no spaces
// wraps on a 375 px phone, on the contact's ticket page and on the back office's, and
// does not make the page scroll sideways.
func TestTicketLongFileNameWidth(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "main", co)
		env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)
		name := "Wartungsprotokoll_Heizungsanlage_Kellergeschoss_Gebaeude_Nord_2026-11-23_final_v3.pdf"
		if len(name) < 85 {
			t.Fatalf("file name too short for the case: %d", len(name))
		}
		hc := env.Client("")
		hc.Login(contactEmail, contactPass)
		pdf := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 2000)...)
		r := hc.PostMultipart("/tickets", map[string]string{"title": "Protokoll", "body": "Siehe Anhang.", "priority": "2"},
			apptest.File{Field: "files", Name: name, Data: pdf})
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/tickets/") {
			t.Fatalf("create ticket: %d %q", r.Status, r.Location)
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(r.Location, "/tickets/"), 10, 64)

		browser := startBrowser(t)
		shots := artifactDir(t)
		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.setViewport(phone)
		c.open("/tickets/"+strconv.FormatInt(id, 10), "ul.files a")
		if !strings.Contains(c.body(), name[:40]) {
			c.fatalf("the file is not on the ticket page")
		}
		if got := c.eval(pageWidthJS); got != "" {
			c.screenshot(shots, string(e)+"-portal-file-name")
			c.fatalf("portal ticket at 375 px: %s", got)
		}
		a := newSession(t, browser, env.Srv.URL, "admin")
		staffLogin(a, adminEmail, adminPassword)
		a.setViewport(phone)
		a.open("/admin/tickets/"+strconv.FormatInt(id, 10), "ul.files a")
		if got := a.eval(pageWidthJS); got != "" {
			a.screenshot(shots, string(e)+"-admin-file-name")
			a.fatalf("admin ticket at 375 px: %s", got)
		}
	})
}
