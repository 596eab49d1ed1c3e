package inbound

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/inboxmail"
	"pforte/internal/mailin"
	"pforte/internal/testutil"
)

// TestBlockedSenders: a blocked sender is refused after DATA with 550 5.7.1 and the
// refusal is recorded (reason naming the block, no raw message kept); the envelope
// sender alone never refuses a known contact's mail (a mailing service's or
// forwarder's envelope at a blocked domain); a block added while a mail was on its way
// (between the first check and routing) still keeps it out of the inbox.
func TestBlockedSenders(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		r := startRig(t, e, "127.0.0.1:0")
		ctx, now := context.Background(), time.Now()
		by := inboxmail.Staff{By: inbox.By{Name: "Admin"}, Actor: "staff:1"}
		for _, v := range []string{"esp.test", "spam.test"} {
			if _, _, err := inboxmail.Add(ctx, r.db, r.a.ID, inboxmail.Entry{Kind: inboxmail.KindDomain, Value: v, Field: "value"}, by, now); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := contact.Create(ctx, r.db, contact.Contact{TenantID: r.a.ID, Email: "carl@customer.test", FirstName: "Carl", LastName: "Kunde"}, nil, now); err != nil {
			t.Fatal(err)
		}
		mail := func(from, id string) string {
			return "From: " + from + "\nTo: support@a.test\nSubject: Hallo\nMessage-ID: <" + id + "@x.test>\n\nText\n"
		}

		err := r.send("king@spam.test", []string{"support@a.test"}, mail("king@spam.test", "b1"))
		if se := (*smtp.SMTPError)(nil); !errors.As(err, &se) || se.Code != 550 || se.EnhancedCode != (smtp.EnhancedCode{5, 7, 1}) {
			t.Errorf("blocked sender: %v, want 550 5.7.1", err)
		}
		recs := r.records(r.a)
		if len(recs) != 1 || recs[0].Outcome != OutcomeRejected || recs[0].Reason != "blocked sender (domain:spam.test)" || recs[0].RawKey != "" {
			t.Errorf("refusal recorded as %+v", recs)
		}
		// A customer's mail sent through a mailing service whose domain is blocked.
		if err := r.send("bounces-123@esp.test", []string{"support@a.test"}, mail("Carl <carl@customer.test>", "b2")); err != nil {
			t.Errorf("a contact's mail with a blocked envelope: %v", err)
		}
		// A stranger behind the same envelope is refused.
		if err := r.send("bounces-124@esp.test", []string{"support@a.test"}, mail("x@other.test", "b3")); code(err) != 550 {
			t.Errorf("a stranger's mail with a blocked envelope: %v, want 550", err)
		}

		// Blocked after the first check: routing refuses it, nothing reaches the inbox.
		items := len(r.mailItems(r.a))
		d := Delivery{TenantID: r.a.ID, MailFrom: "late@spam.test", Rcpt: "support@a.test", Support: "support@a.test",
			Message: &mailin.Message{From: mailin.Address{Address: "late@spam.test"}, Subject: "Late"}, ReceivedAt: now}
		err = r.db.InTx(ctx, func(tx *db.Tx) error {
			_, err := r.l.routeUnlessBlocked(ctx, tx, d)
			return err
		})
		var be *blockedError
		if !errors.As(err, &be) || be.b.Value != "spam.test" {
			t.Errorf("routing a blocked sender's mail: %v", err)
		}
		if n := len(r.mailItems(r.a)); n != items {
			t.Errorf("a blocked sender's mail reached the inbox: %d items, want %d", n, items)
		}
	})
}
