package mailin

import (
	"strings"
	"testing"
)

// TestParseForwardOfPortalMail: a customer forwarding one of the portal's ticket mails
// to the support address ("WG: [#6] …", a note above it) wrote only the note: the
// portal's mail below its reply marker, and what it quotes, is on the ticket already
// and stays out of the reply, as in an ordinary answer.
func TestParseForwardOfPortalMail(t *testing.T) {
	raw := "From: k@example.org\nSubject: WG: [#6] Pumpe\nContent-Type: text/plain; charset=utf-8\n\n" +
		"Bitte auch Halle 4 ansehen.\n\n" +
		"Von: Support <support@a.test>\nGesendet: Montag, 2. Juni 2025 10:00\nAn: k@example.org\nBetreff: [#6] Pumpe\n\n" +
		ReplyMarker + "\n\nWir kommen morgen um 9 Uhr.\n"
	m, err := Parse(crlf(raw), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Reply, "Halle 4") || strings.Contains(m.Reply, "morgen um 9") || strings.Contains(m.Reply, "##-") {
		t.Errorf("reply %q", m.Reply)
	}
}
