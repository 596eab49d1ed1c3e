package e2e

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/testutil"
)

// valuesOffStartJS lists the label/value pairs (the ticket's facts, a file's details)
// whose value does not start where its box starts, on the page's side: on a Hebrew page
// the value's text must end flush with the right edge of its <dd>, under (or beside)
// its label. A value typed in Latin letters ("Anna Müller") was once a left-to-right
// block of its own and stood at the far left of the column. "" when all start right;
// "none" when the page has no such pairs.
const valuesOffStartJS = `(() => {
	const dds = [...document.querySelectorAll(".facts dd, dl.details dd")];
	if (!dds.length) return "none";
	const rtl = getComputedStyle(document.documentElement).direction === "rtl";
	const off = [];
	for (const dd of dds) {
		const box = dd.getBoundingClientRect();
		const range = document.createRange();
		range.selectNodeContents(dd);
		const text = range.getBoundingClientRect();
		if (!text.width) continue;
		const gap = rtl ? box.right - text.right : text.left - box.left;
		if (Math.abs(gap) > 2) off.push(dd.textContent.trim().slice(0, 40) + " (" + Math.round(gap) + " px from its start)");
	}
	return off.join("; ");
})()`

// TestHebrewValuesUnderTheirLabels: on a Hebrew ticket page and a Hebrew file page, at
// desktop and phone width, values written in Latin letters (the opener's name, the
// location, the device, the file name) start on the right, where their labels are,
// like the values in Hebrew; screenshots go to the test artifacts.
func TestHebrewValuesUnderTheirLabels(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Demo Service GmbH")
		ct := env.Contact(ten, contactEmail, contactPass, "main", env.Company(ten, companyName))
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, ct.ID, "he"); err != nil {
			t.Fatal(err)
		}
		hc := env.Client("")
		hc.Login(contactEmail, contactPass)
		r := hc.PostMultipart("/tickets", map[string]string{"title": "Drucker im Büro", "body": "Nur leere Seiten.", "priority": "2",
			"location": "Büro 1. OG", "asset": "HP LaserJet M404"})
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/tickets/") {
			t.Fatalf("create ticket: %d %q", r.Status, r.Location)
		}
		st, err := env.App.Env.Files.Put(bytes.NewReader([]byte("guide")), 0)
		if err != nil {
			t.Fatal(err)
		}
		var file download.File
		err = env.DB.InTx(ctx, func(tx *db.Tx) error {
			file, err = download.Create(ctx, tx, download.File{TenantID: ten.ID, Title: "מדריך", Visibility: download.VisibleAll}, nil,
				download.Version{Key: st.Key, Name: "Installation-Guide.pdf", Size: st.Size, Type: st.Type, SHA256: st.SHA256}, time.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}

		browser := startBrowser(t)
		shots := artifactDir(t)
		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		for _, v := range []viewport{desktop, phone} {
			c.setViewport(v)
			for _, p := range []struct{ name, path string }{
				{"ticket", r.Location}, {"file", "/downloads/files/" + strconv.FormatInt(file.ID, 10)},
			} {
				c.open(p.path, "main dd")
				c.expectLang("he")
				c.viewportShot(shots, "he-values-"+p.name+"-"+v.name+"-"+string(e))
				if off := c.eval(valuesOffStartJS); off != "" {
					c.fatalf("%s at %s: values away from their labels' side: %s", p.name, v.name, off)
				}
			}
			if body := c.body(); !strings.Contains(body, "Installation-Guide.pdf") {
				c.fatalf("the file page does not show the file name")
			}
		}
		c.open(r.Location, "main dd")
		for _, want := range []string{"Büro 1. OG", "HP LaserJet M404"} {
			if !strings.Contains(c.text(".facts"), want) {
				c.fatalf("the ticket's facts lack %q: the check above saw no Latin value", want)
			}
		}
	})
}
