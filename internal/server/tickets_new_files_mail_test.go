package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestNewTicketMailsNameFiles: the mails about a new ticket name its attachments, for a
// ticket opened in the portal and one that came by mail, so staff see at once that a
// screenshot or a log came with it (as the mails of a reply with files already do).
func TestNewTicketMailsNameFiles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, _ := mailDesk(t, e)
		ctx := context.Background()
		staffMail := func(id int64) string {
			t.Helper()
			var text string
			d.env.DB.QueryRow(ctx, `SELECT text_body FROM mails WHERE ticket_id = ? AND to_addr = 'agent@desk.test'`, id).Scan(&text)
			return text
		}
		id := d.open(t, d.as("alice@alpha.test", "alice-password"), "Drucker", apptest.File{Field: "files", Name: "fehler-foto.png",
			Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde")})
		if m := staffMail(id); !strings.Contains(m, "Angehängt: fehler-foto.png") {
			t.Errorf("staff mail of a portal ticket with a file:\n%s", m)
		}
		item := inboxMail(t, d, d.env.ListenInbound(), "alice@alpha.test", "support@desk.test", "Server down", "Siehe Log.", "server.log")
		if item != 0 {
			t.Fatalf("a known contact's mail went to the inbox")
		}
		var mailTicket int64
		d.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = 'Server down'`).Scan(&mailTicket)
		if m := staffMail(mailTicket); !strings.Contains(m, "Angehängt: server.log") {
			t.Errorf("staff mail of a ticket by mail with a file:\n%s", m)
		}
	})
}
