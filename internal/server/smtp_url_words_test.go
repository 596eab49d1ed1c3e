package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestSMTPURLRefusalSaysWhy: an SMTP address the mail settings refuse used to get one
// message for every fault ("enter an address such as …"). Now the message names the
// fault — an unknown scheme with the accepted ones, no server, a bad port, an unknown
// setting — in the admin's language, and the form keeps what was typed.
func TestSMTPURLRefusalSaysWhy(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		de := i18n.For("de")
		for _, b := range []struct {
			typed, id string
			data      map[string]any
			also      string // a word the message must hold
		}{
			{"smtps2://mail.service.test:465", "smtp_url.scheme", map[string]any{"Value": "smtps2"}, "smtps://"},
			{"mail.service.test:587", "smtp_url.scheme_missing", nil, "smtp://"},
			{"smtp://portal:geheim@", "smtp_url.host_missing", nil, ""},
			{"smtp://mail.service.test:70000", "smtp_url.port", nil, "65535"},
			{"smtp://mail.service.test:58x", "smtp_url.port", nil, "65535"},
			{"smtp://mail.service.test:587?security=tls", "smtp_url.param", map[string]any{"Value": "security"}, "tls="},
			{"smtps://mail.service.test?tls=starttls", "smtp_url.tls", map[string]any{"Value": "starttls"}, ""},
		} {
			r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {b.typed}, "mail_from": {"portal@service.test"}})
			body := html.UnescapeString(r.Body)
			want := de.T(b.id, b.data)
			if r.Status != 422 || !strings.Contains(errorMsgs(body), want) || !strings.Contains(want, b.also) {
				t.Errorf("%s: status %d, messages %q, want %q", b.typed, r.Status, errorMsgs(body), want)
			}
			if strings.Contains(body, de.T("admin.mail.smtp_invalid")) {
				t.Errorf("%s: still the message for every fault", b.typed)
			}
			if !strings.Contains(body, `value="`+b.typed+`"`) {
				t.Errorf("%s: the form lost what was typed", b.typed)
			}
		}
	})
}
