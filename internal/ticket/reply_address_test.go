package ticket_test

import (
	"testing"

	"pforte/internal/ticket"
)

// TestRecipientToken: a reply address's code answers only for the address it was made
// for (in any case), only with the ticket's secret, and nothing without a secret.
func TestRecipientToken(t *testing.T) {
	tk := ticket.Ticket{ReplyToken: "0123456789abcdef0123", ReplySecret: ticket.NewReplySecret()}
	tok := ticket.RecipientToken(tk, "Anna@Kunde.test")
	tt, code, ok := ticket.ParseRecipientToken(tok)
	if !ok || tt != tk.ReplyToken || len(code) != 12 {
		t.Fatalf("parse %q: %q %q %v", tok, tt, code, ok)
	}
	if !ticket.RepliesFrom(tk, code, "anna@kunde.test") || !ticket.RepliesFrom(tk, code, " ANNA@kunde.test") {
		t.Errorf("the recipient's own address is refused")
	}
	if ticket.RepliesFrom(tk, code, "bob@kunde.test") {
		t.Errorf("another address accepted")
	}
	other := tk
	other.ReplySecret = ticket.NewReplySecret()
	if ticket.RepliesFrom(other, code, "anna@kunde.test") {
		t.Errorf("a code made with another secret accepted")
	}
	if ticket.RepliesFrom(ticket.Ticket{ReplyToken: tk.ReplyToken}, ticket.RecipientToken(ticket.Ticket{}, "anna@kunde.test")[1:], "anna@kunde.test") {
		t.Errorf("a ticket without a secret accepted a code")
	}
	for _, bad := range []string{"", tk.ReplyToken, tk.ReplyToken + ".", "." + code} {
		if _, _, ok := ticket.ParseRecipientToken(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}
