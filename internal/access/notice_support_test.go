package access

import (
	"strings"
	"testing"

	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
)

// TestNoticeSupport: a security notice names the tenant's support phone and address
// and is answered to that address; without them it says what it said before and
// answers go where they went.
func TestNoticeSupport(t *testing.T) {
	var tn tenant.Tenant
	tn.Name = "Demo"
	render := func() mail.Message {
		msg, err := outbox.Letter{To: "a@b.test", Lang: "de", Key: "mail.password_changed", Sender: tn.Name,
			ActionURL: "https://p.test/login", Data: withSupport(tn, map[string]any{"FirstName": "Anna", "Portal": tn.Name})}.Render()
		if err != nil {
			t.Fatal(err)
		}
		return supportReply(tn, msg)
	}
	if m := render(); m.ReplyTo != "" || !containsAll(m.Text, "wenden Sie sich bitte") || containsAll(m.Text, "Telefon") {
		t.Errorf("without support: reply-to %q\n%s", m.ReplyTo, m.Text)
	}
	tn.Brand.Support = tenant.SupportContact{Phone: "+49 30 555", Email: "hilfe@demo.test"}
	if m := render(); m.ReplyTo != "hilfe@demo.test" || !containsAll(m.Text, "Telefon: +49 30 555", "E-Mail: hilfe@demo.test") {
		t.Errorf("with support: reply-to %q\n%s", m.ReplyTo, m.Text)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
