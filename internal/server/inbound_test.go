package server_test

import (
	"context"
	"net/smtp"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

const inboundMail = "From: Erika Mustermann <erika@kunde.test>\r\n" +
	"To: support+t0k3n@service.test\r\n" +
	"Subject: Drucker =?UTF-8?Q?f=C3=A4llt?= aus\r\n" +
	"Message-ID: <erika-1@kunde.test>\r\n" +
	"Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n" +
	"--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
	"Seit heute früh <b>geht</b> nichts mehr.\r\n\r\n-- \r\nErika\r\n" +
	"--B\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"zähler.csv\"\r\n\r\n" +
	"a;b\r\n1;2\r\n" +
	"--B--\r\n"

// TestInboundMailToInbox: an admin sets the support address in the mail settings; a
// mail to it (with a reply token) arrives over SMTP, shows up in the staff inbox with
// its text and attachment, which staff of the tenant download and staff of another
// tenant cannot even see; the mail settings page lists the mail.
func TestInboundMailToInbox(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "service.test")
		other := env.Tenant("Andere GmbH", "andere.test")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		env.Staff(other, staff.RoleAdmin, "boss@andere.test", "boss-password")
		c := env.Client("service.test")
		c.AdminLogin("boss@service.test", "boss-password")
		oc := env.Client("andere.test")
		oc.AdminLogin("boss@andere.test", "boss-password")

		// Bad addresses are refused next to the field, with what was typed kept.
		for _, bad := range []string{"support", "support+x@service.test", "Support <support@service.test>"} {
			r := c.Post("/admin/settings/mail", url.Values{"support_addresses": {bad}})
			if r.Status != 422 || !strings.Contains(r.Body, "keine gültige E-Mail-Adresse") {
				t.Errorf("support address %q: %d", bad, r.Status)
			}
		}
		if r := c.Post("/admin/settings/mail", url.Values{"support_addresses": {"Support@Service.test, help@service.test"}}); r.Status != 303 {
			t.Fatalf("save support addresses: %d", r.Status)
		}
		if body := c.Get("/admin/settings/mail").Body; !strings.Contains(body, `value="support@service.test, help@service.test"`) {
			t.Errorf("support addresses not shown")
		}
		// Another tenant cannot take the address.
		if r := oc.Post("/admin/settings/mail", url.Values{"support_addresses": {"help@service.test"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "bereits von einem anderen Portal") || !strings.Contains(r.Body, `value="help@service.test"`) {
			t.Errorf("taken address: %d", r.Status)
		}

		addr := env.ListenInbound()
		if err := smtp.SendMail(addr, nil, "erika@kunde.test", []string{"support+t0k3n@service.test"}, []byte(inboundMail)); err != nil {
			t.Fatal(err)
		}
		err := smtp.SendMail(addr, nil, "x@kunde.test", []string{"nobody@service.test"}, []byte("From: x@kunde.test\r\n\r\nhi\r\n"))
		if err == nil || !strings.HasPrefix(err.Error(), "550") {
			t.Errorf("unknown recipient: %v", err)
		}

		items, err := inbox.List(context.Background(), env.DB, ten.ID, inbox.Filter{Kind: inbox.KindMail})
		if err != nil || len(items) != 1 {
			t.Fatalf("mail items: %v %d", err, len(items))
		}
		item := "/admin/inbox/" + strconv.FormatInt(items[0].ID, 10)
		list := c.Get("/admin/inbox?kind=mail")
		if !strings.Contains(list.Body, "Drucker fällt aus") || !strings.Contains(list.Body, "erika@kunde.test") {
			t.Errorf("inbox list lacks the mail")
		}
		ag := env.Client("service.test")
		ag.AdminLogin("agent@service.test", "agent-password")
		page := ag.Get(item)
		for _, want := range []string{"Erika Mustermann &lt;erika@kunde.test&gt;", "support+t0k3n@service.test",
			"Seit heute früh &lt;b&gt;geht&lt;/b&gt; nichts mehr.", "zähler.csv", item + "/files/0", item + "/raw", "Eingehende E-Mail"} {
			if !strings.Contains(page.Body, want) {
				t.Errorf("item page lacks %q", want)
			}
		}
		if strings.Contains(page.Body, "<b>geht</b>") {
			t.Error("mail text not escaped")
		}
		f := ag.Get(item + "/files/0")
		if f.Status != 200 || f.Body != "a;b\r\n1;2" && f.Body != "a;b\r\n1;2\r\n" ||
			!strings.HasPrefix(f.Header.Get("Content-Disposition"), "attachment") || !strings.Contains(f.Header.Get("Content-Disposition"), "z%C3%A4hler.csv") {
			t.Errorf("attachment: %d %q %q", f.Status, f.Body, f.Header.Get("Content-Disposition"))
		}
		if raw := ag.Get(item + "/raw"); raw.Status != 200 || !strings.Contains(raw.Body, "Message-ID: <erika-1@kunde.test>") ||
			raw.Header.Get("Content-Type") != "message/rfc822" {
			t.Errorf("raw: %d %q", raw.Status, raw.Header.Get("Content-Type"))
		}
		for _, path := range []string{item, item + "/files/0", item + "/raw", item + "/files/1", item + "/files/x"} {
			if r := oc.Get(path); r.Status != 404 {
				t.Errorf("other tenant %s: %d", path, r.Status)
			}
		}
		if r := ag.Get(item + "/files/1"); r.Status != 404 {
			t.Errorf("missing attachment: %d", r.Status)
		}
		// Staff mark it done like any notice.
		if r := ag.Post(item+"/done", nil); r.Status != 303 {
			t.Errorf("done: %d", r.Status)
		}
		if log := c.Get("/admin/settings/mail").Body; !strings.Contains(log, "Drucker fällt aus") || !strings.Contains(log, "Im Postkorb") {
			t.Errorf("mail settings page lacks the inbound log")
		}
		if log := oc.Get("/admin/settings/mail").Body; strings.Contains(log, "Drucker") {
			t.Errorf("another tenant sees the inbound log")
		}
	})
}

// inboundItem creates a mail item of the tenant whose attachment and raw message are
// really stored, so a route that forgot the tenant would serve them.
func inboundItem(t *testing.T, env *apptest.Env, tenantID int64) int64 {
	t.Helper()
	st, err := env.App.Env.Files.Put(strings.NewReader("From: carol@b1.test\r\n\r\nB1 AG secret\r\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	p := inbox.MailPayload{From: "carol@b1.test", Subject: "B1 AG", Text: "B1 AG secret", RawKey: st.Key,
		Attachments: []inbox.MailFile{{Name: "b1.txt", Type: "text/plain", Size: st.Size, Key: st.Key}}}
	itemID, err := inbox.Create(context.Background(), env.DB, inbox.Item{TenantID: tenantID, Kind: inbox.KindMail,
		Title: "B1 AG", Email: "carol@b1.test"}, p, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return itemID
}
