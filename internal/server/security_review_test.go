package server_test

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestAttachmentNameSpoofing: a file name with a right-to-left override
// ("rechnung\u202Efdp.html" shows as "rechnunglmth.pdf") is stored and offered without
// it, and a served file carries a sandbox policy, so even a browser that shows an
// uploaded HTML file runs nothing of it in the portal's origin.
func TestAttachmentNameSpoofing(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		tk := d.open(t, uwe, "Rechnung", apptest.File{Field: "files", Name: "rechnung\u202Efdp.html",
			Data: []byte("<html><script>alert(1)</script></html>")})
		var name string
		d.env.DB.QueryRow(context.Background(), `SELECT filename FROM ticket_attachments WHERE ticket_id = ?`, tk).Scan(&name)
		if name != "rechnungfdp.html" {
			t.Errorf("stored name %q, want rechnungfdp.html", name)
		}
		page := uwe.Get("/tickets/" + id(tk))
		if strings.Contains(page.Body, "\u202E") || !strings.Contains(page.Body, "rechnungfdp.html") {
			t.Errorf("ticket page shows the name with its override")
		}
		link := mustRE(`/tickets/\d+/files/\d+`).FindString(page.Body)
		r := uwe.Get(link)
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Disposition"), "attachment;") ||
			strings.Contains(r.Header.Get("Content-Disposition"), "%E2%80%AE") {
			t.Errorf("download %s: %d %q", link, r.Status, r.Header.Get("Content-Disposition"))
		}
		if csp := r.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("download CSP %q, want a sandbox", csp)
		}
	})
}

// TestCrossOriginRefusal: an unsafe request from another site is refused with a page in
// the visitor's language that carries the security headers of every page, and changes
// nothing.
func TestCrossOriginRefusal(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	ten := env.Tenant("Service GmbH", "portal.test")
	co := env.Company(ten, "Kunde AG")
	env.Contact(ten, "x@kunde.test", "cross-origin-pw", "user", co)
	c := env.Client("portal.test")
	c.Login("x@kunde.test", "cross-origin-pw")
	for _, hdr := range []map[string]string{{"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"}, {"Origin": "null"}} {
		r := fetch(t, env, c, "portal.test", "POST", "/settings/language?language=en", hdr)
		body := string(r.Body)
		if r.Status != 403 || !strings.Contains(body, "Anfrage abgelehnt") || !strings.Contains(body, "Service GmbH") {
			t.Errorf("%v: %d %.200s", hdr, r.Status, body)
		}
		for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Cache-Control"} {
			if r.Header.Get(h) == "" {
				t.Errorf("%v: refusal without %s", hdr, h)
			}
		}
	}
	if n := count(t, env, `SELECT COUNT(*) FROM contacts WHERE language = 'en'`); n != 0 {
		t.Errorf("a cross-origin request changed the language")
	}
	// The same request from the portal's own page goes through.
	if r := c.Post("/settings/language", url.Values{"language": {"en"}}); r.Status != 303 {
		t.Errorf("same-origin request: %d", r.Status)
	}
}

// TestMetricsNotPublic: without PFORTE_METRICS_TOKEN, /metrics answers a scraper on the
// same machine only; a request a proxy forwarded is refused even from loopback.
func TestMetricsNotPublic(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	env.Tenant("Service GmbH")
	c := env.Client("")
	if r := c.Get("/metrics"); r.Status != 200 || !strings.Contains(r.Body, "pforte_queue_depth") {
		t.Fatalf("local scrape: %d", r.Status)
	}
	for _, h := range []string{"X-Forwarded-For", "Forwarded", "X-Real-Ip"} {
		r := fetch(t, env, c, "", "GET", "/metrics", map[string]string{h: "203.0.113.7"})
		if r.Status != 403 || strings.Contains(string(r.Body), "pforte_") {
			t.Errorf("metrics through a proxy (%s): %d", h, r.Status)
		}
	}
}

// TestMailNamesOneLine: names typed with line breaks (self-registration, a colleague's
// invitation) cannot write paragraphs of their own into the mails the portal sends to
// the address typed; they are stored and mailed as one line.
func TestMailNamesOneLine(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chef@kunde.test", "chef-password-1", "main", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		// (A web address in the name is refused outright: TestNoWebAddressInMailsToStrangers.)
		evil := "Max\r\n\r\nIhr Konto wurde gesperrt. Rufen Sie 0800 123 an\r\n"
		form := registerForm("opfer@fremd.test", "Firma\nZeile zwei")
		form.Set("first_name", evil)
		if r := env.Client("").Post("/register", form); r.Status != 200 {
			t.Fatalf("register: %d", r.Status)
		}
		chef := env.Client("")
		chef.Login("chef@kunde.test", "chef-password-1")
		if r := chef.Post("/colleagues", url.Values{"first_name": {evil}, "last_name": {"Muster\nX"}, "email": {"neu@kunde.test"},
			"role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		for _, to := range []string{"opfer@fremd.test", "neu@kunde.test"} {
			_, text := lastMailTo(t, env, to)
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "Ihr Konto wurde gesperrt") {
					t.Errorf("mail to %s: the name wrote a line of its own:\n%s", to, text)
				}
			}
			if !strings.Contains(text, "Max Ihr Konto wurde gesperrt") {
				t.Errorf("mail to %s lacks the name on one line:\n%s", to, text)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM contacts WHERE first_name LIKE '%'||?||'%' OR last_name LIKE '%'||?||'%'`, "\n", "\n"); n != 0 {
			t.Errorf("%d contacts with a line break in the name", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM registrations WHERE first_name LIKE '%'||?||'%' OR company_name LIKE '%'||?||'%'`, "\n", "\n"); n != 0 {
			t.Errorf("%d registrations with a line break", n)
		}
	})
}

// TestUploadTempFilesRemoved: a file over the 8 MB kept in memory waits in a temporary
// file while the form is read; after the answer none is left, whether the upload was
// taken or refused (a contact could otherwise fill the disk with uploads). Not parallel:
// the temporary folder is the test's own.
func TestUploadTempFilesRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	d := newDesk(t, db.SQLite)
	uwe := d.as("uwe@alpha.test", "uwe-password-1")
	big := bytes.Repeat([]byte("x"), 9<<20)
	d.open(t, uwe, "Groß", apptest.File{Field: "files", Name: "gross.bin", Data: big})
	huge := bytes.Repeat([]byte("y"), 21<<20) // over the helpdesk's 20 MB a file: refused
	if r := uwe.PostMultipart("/tickets", map[string]string{"title": "Zu groß", "body": "x", "priority": "2"},
		apptest.File{Field: "files", Name: "huge.bin", Data: huge}); r.Status != 422 {
		t.Errorf("too large a file: %d", r.Status)
	}
	var left []string
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		left = left[:0]
		es, _ := os.ReadDir(tmp)
		for _, e := range es {
			if strings.HasPrefix(e.Name(), "multipart-") {
				left = append(left, e.Name())
			}
		}
		if len(left) == 0 {
			return
		}
	}
	t.Errorf("temporary upload files left behind: %v", left)
}
