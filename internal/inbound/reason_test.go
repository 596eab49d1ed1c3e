package inbound

import (
	"fmt"
	"testing"

	"pforte/internal/inboxmail"
)

// TestReasonOf: the reasons the listener records read back as their kinds with their
// values, so the back office can word them in its reader's language; any other stays
// one to show as written.
func TestReasonOf(t *testing.T) {
	for _, c := range []struct {
		reason string
		want   Reason
	}{
		{reasonDuplicate, Reason{Kind: ReasonDuplicate}},
		{fmt.Sprintf(reasonTooLarge, 25<<20), Reason{Kind: ReasonTooLarge, Limit: 25 << 20}},
		{blockedReason(inboxmail.Block{Kind: inboxmail.KindDomain, Value: "spam.test"}),
			Reason{Kind: ReasonBlocked, BlockKind: inboxmail.KindDomain, BlockValue: "spam.test"}},
		{blockedReason(inboxmail.Block{Kind: inboxmail.KindAddress, Value: "king@spam.test"}),
			Reason{Kind: ReasonBlocked, BlockKind: inboxmail.KindAddress, BlockValue: "king@spam.test"}},
		{"mailin: no From header", Reason{}},
		{"larger than the limit of 12 bytes, and more", Reason{}},
		{"blocked sender (nothing", Reason{}},
	} {
		if got := ReasonOf(c.reason); got != c.want {
			t.Errorf("%q: %+v, want %+v", c.reason, got, c.want)
		}
	}
}
