package inboxmail

import (
	"testing"

	"pforte/internal/inbox"
	"pforte/internal/tenant"
)

// TestReplySubject: an answer's subject gets one "Re: ", not a second one after the
// reply prefixes of the common mail programs and languages.
func TestReplySubject(t *testing.T) {
	for in, want := range map[string]string{
		"Preisanfrage":         "Re: Preisanfrage",
		"":                     "Re:",
		"Re: Preisanfrage":     "Re: Preisanfrage",
		"RE : Devis":           "RE : Devis",
		"AW: Angebot":          "AW: Angebot",
		"aw:Angebot":           "aw:Angebot",
		"Antw: Offerte":        "Antw: Offerte",
		"Sv: Tilbud":           "Sv: Tilbud",
		"Réf. : Commande":      "Réf. : Commande",
		"Re[2]: Ticket":        "Re[2]: Ticket",
		"RES: Pedido":          "RES: Pedido",
		"Reply to all":         "Re: Reply to all",
		"Resultat: 3:1":        "Re: Resultat: 3:1",
		"Awful news":           "Re: Awful news",
		"Rechnung\r\nBcc: x@y": "Re: Rechnung Bcc: x@y",
	} {
		if got := replySubject(in); got != want {
			t.Errorf("replySubject(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReplyMessage: the answer goes to the sender, threads under a valid Message-ID
// only (an invalid one is dropped, or the mail would never go out), and invites
// answers to the support address without a ticket's +token.
func TestReplyMessage(t *testing.T) {
	tn := tenant.Tenant{Name: "Desk"}
	p := inbox.MailPayload{From: "greta@gamma.test", Subject: "Frage", Rcpt: "support+tok123@desk.test", MessageID: "abc@gamma.test"}
	m := replyMessage(tn, p, "Hallo")
	if m.To != "greta@gamma.test" || m.Subject != "Re: Frage" || m.InReplyTo != "abc@gamma.test" || m.ReplyTo != "support@desk.test" {
		t.Errorf("reply: %+v", m)
	}
	for _, bad := range []string{"no-at-sign", "a b@c", "x@y>\r\nBcc: z@w", ""} {
		p.MessageID = bad
		if m := replyMessage(tn, p, "Hallo"); m.InReplyTo != "" {
			t.Errorf("Message-ID %q kept as %q", bad, m.InReplyTo)
		}
	}
	if got := supportBase("Support@Desk.test"); got != "support@desk.test" {
		t.Errorf("supportBase: %q", got)
	}
}
