package inbound

import (
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDuplicateNeedsSameSender: a message whose Message-ID someone else used first is
// still routed; only the same sender's mail with the same ID counts as a duplicate.
func TestDuplicateNeedsSameSender(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		r := startRig(t, e, "127.0.0.1:0")
		forged := "From: mallory@evil.test\nSubject: first\nMessage-ID: <guess@example.com>\n\nich war zuerst\n"
		genuine := "From: erika@example.com\nSubject: genuine\nMessage-ID: <guess@example.com>\n\ndie echte Mail\n"
		must(t, r.send("mallory@evil.test", []string{"support@a.test"}, forged))
		must(t, r.send("erika@example.com", []string{"support@a.test"}, genuine))
		if items := r.mailItems(r.a); len(items) != 2 {
			t.Fatalf("genuine mail dropped: %d items", len(items))
		}
		if rec := r.records(r.a)[0]; rec.Outcome != "inbox" || rec.Sender != "erika@example.com" {
			t.Fatalf("genuine mail recorded as %+v", rec)
		}
		// The genuine sender's retry still is a duplicate.
		must(t, r.send("erika@example.com", []string{"support@a.test"}, genuine))
		if rec := r.records(r.a)[0]; rec.Outcome != OutcomeDuplicate || len(r.mailItems(r.a)) != 2 {
			t.Fatalf("retry recorded as %+v", rec)
		}
	})
}
