package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"pforte/internal/db"
	"pforte/internal/outbox"
)

// reportHeld says what became of the mails that were queued when the backup was taken:
// the restore held them (outbox.HoldQueued), since the old installation may have sent
// them after the backup and the queue would send them a second time. With
// --send-queued (send) they are released at once and go out when serve starts; else
// they wait in the outbox for an admin's "Send now". held is how many were held.
func reportHeld(ctx context.Context, d *db.DB, out io.Writer, held int, send bool) error {
	if held == 0 {
		return nil
	}
	mails, are := fmt.Sprintf("%d mails were", held), "are"
	if held == 1 {
		mails, are = "1 mail was", "is"
	}
	if send {
		if _, err := outbox.ReleaseHeld(ctx, d, time.Now()); err != nil {
			return fmt.Errorf("restore: the portal is restored, but the queued mails stay held: %w", err)
		}
		fmt.Fprintf(out, "%s queued when the backup was taken; they go out when serve starts (--send-queued).\n", mails)
		return nil
	}
	fmt.Fprintf(out, "%s queued when the backup was taken and %s held: the old installation may have sent them after\n"+
		"the backup, and the recipients would get them twice. Administrators find them in the back office under Outbox\n"+
		"(marked Held) and send each with \"Send now\", or end those that went out with \"Don't send\" (\"Don't send any\"\n"+
		"for all); to send them all, restore with --send-queued instead.\n",
		mails, are)
	return nil
}
