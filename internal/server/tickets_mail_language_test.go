package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestMailSenderLanguage: a sender the portal does not know yet gets the language their
// mail's Content-Language names, when the portal speaks it: the contact made of a
// company-domain sender and the one staff make of an inbox mail are answered in it; an
// unknown language or none leaves the contact on the tenant's default.
func TestMailSenderLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, send := mailDesk(t, e)
		ctx := context.Background()
		lang := func(email string) string {
			t.Helper()
			var l string
			if err := d.env.DB.QueryRow(ctx, `SELECT language FROM contacts WHERE email = ?`, email).Scan(&l); err != nil {
				t.Fatalf("contact %s: %v", email, err)
			}
			return l
		}
		subject := func(to string) string {
			t.Helper()
			var s string
			d.env.DB.QueryRow(ctx, `SELECT subject FROM mails WHERE to_addr = ?`, to).Scan(&s)
			return s
		}
		send("Jane Doe <jane@alpha.test>", "support@desk.test", "Subject: Printer broken\r\nContent-Language: en-US\r\n", "Please help.\r\n")
		send("Neu Kunde <neu@alpha.test>", "support@desk.test", "Subject: Drucker kaputt\r\n", "Bitte helfen.\r\n")
		send("Kl Ingon <kl@alpha.test>", "support@desk.test", "Subject: Qapla\r\nContent-Language: tlh\r\n", "nuqneH\r\n")
		if l := lang("jane@alpha.test"); l != "en" {
			t.Errorf("English-writing sender: language %q", l)
		}
		if l, k := lang("neu@alpha.test"), lang("kl@alpha.test"); l != "" || k != "" {
			t.Errorf("no or an unknown Content-Language: languages %q, %q", l, k)
		}
		if en, de := subject("jane@alpha.test"), subject("neu@alpha.test"); !strings.Contains(en, "We have received your request") ||
			!strings.Contains(de, "Wir haben Ihre Anfrage erhalten") {
			t.Errorf("confirmations: %q, %q", en, de)
		}

		// A mail from an unknown domain waits in the inbox; the contact staff make of it
		// speaks the mail's language.
		send("Chloé Martin <chloe@inconnu.test>", "support@desk.test", "Subject: Imprimante\r\nContent-Language: fr\r\n", "Merci.\r\n")
		var item int64
		d.env.DB.QueryRow(ctx, `SELECT id FROM inbox_items WHERE kind = 'mail' AND email = 'chloe@inconnu.test'`).Scan(&item)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		r := staff.Post("/admin/inbox/"+id(item)+"/ticket", url.Values{"company_id": {id(d.a.ID)}, "contact_id": {"new"},
			"first_name": {"Chloé"}, "last_name": {"Martin"}})
		if r.Status != 303 {
			t.Fatalf("ticket from the inbox mail: %d", r.Status)
		}
		if l := lang("chloe@inconnu.test"); l != "fr" {
			t.Errorf("contact made of a French inbox mail: language %q", l)
		}
		if s := subject("chloe@inconnu.test"); !strings.Contains(s, "Imprimante") || strings.Contains(s, "Wir haben") {
			t.Errorf("French sender's confirmation: %q", s)
		}
	})
}
