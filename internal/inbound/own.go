package inbound

import (
	"context"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/mail"
)

// ownMail reports whether messageID is the Message-ID of a mail the portal sent for
// the tenant: its own mail come back, redirected by a customer's mailbox with the
// headers as they were, or sent to the support address as well. A staff member's
// answer goes out without Auto-Submitted (mail.Message.Personal), so nothing else
// marks it as the portal's; taken in, it would land in the inbox as a stranger's
// answer, or, from an address a company's domain covers, open a ticket and mail a
// confirmation that comes back the same way.
func ownMail(ctx context.Context, q db.Querier, tenantID int64, messageID string) (bool, error) {
	if messageID == "" {
		return false, nil
	}
	sent, queued := mail.StoredIDs(messageID)
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE tenant_id = ? AND message_id IN (?, ?)`,
		tenantID, sent, queued).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("inbound: own mail: %w", err)
	}
	return n > 0, nil
}
