package inbound

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/mailin"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
)

// TestOwnMailComesBack: a mail carrying the Message-ID of a mail the portal sent for
// the tenant — as queued, or with the domain it went out with — is the portal's own
// mail come back (a customer's mailbox redirecting it): it counts as automatic, so no
// router opens a ticket for it or answers it. Another tenant's ids, and any other
// mail, are not.
func TestOwnMailComesBack(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		r := startRig(t, e, "127.0.0.1:0")
		ctx := context.Background()
		// A staff member's answer: personal, so without Auto-Submitted.
		for _, id := range []string{"own1", "own2"} {
			if _, err := outbox.Queue(ctx, r.db, r.a.ID, mail.Message{To: "erika@example.com", Subject: "Re: Drucker",
				Text: "Wir kommen morgen.", MessageID: id + "@" + mail.PlaceholderIDDomain, Personal: true}, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		back := func(msgID string) string {
			return "From: Support <support@a.test>\nTo: erika@example.com\nSubject: Re: Drucker\nMessage-ID: <" + msgID +
				">\nContent-Type: text/plain; charset=utf-8\n\nWir kommen morgen.\n"
		}
		for _, c := range []struct {
			msgID, rcpt string
			own         bool
		}{
			{"own1@a.test", "support@a.test", true},                      // as it went out, with the sender's domain
			{"own2@" + mail.PlaceholderIDDomain, "support@a.test", true}, // as queued
			{"own1@a.test", "help@b.test", false},                        // tenant B never sent it
			{"other@example.com", "support@a.test", false},
		} {
			must(t, r.send("erika@example.com", []string{c.rcpt}, back(c.msgID)))
			r.mu.Lock()
			m := r.last.Message
			r.mu.Unlock()
			if m.MessageID != c.msgID {
				t.Fatalf("%s: the router saw %q", c.msgID, m.MessageID)
			}
			if got := m.Auto && m.AutoReason == mailin.AutoOwnMail; got != c.own {
				t.Errorf("%s to %s: auto %v %q, want own mail %v", c.msgID, c.rcpt, m.Auto, m.AutoReason, c.own)
			}
		}
	})
}
