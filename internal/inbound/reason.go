package inbound

import (
	"fmt"
	"strings"
)

// The listener records its own outcomes' reasons in English, as the server's log and
// the SMTP answer give them. The back office's mail log words the fixed ones in the
// reader's language (ReasonOf) and shows the protocol's own (a parse error, a failing
// database) as written.
const (
	reasonDuplicate = "Message-ID already received from this sender"
	reasonTooLarge  = "larger than the limit of %d bytes"
	reasonBlocked   = blockedPrefix + "%s:%s)"
	blockedPrefix   = "blocked sender ("
)

// Kinds of recorded reasons ReasonOf tells apart.
const (
	ReasonDuplicate = "duplicate" // the Message-ID was taken in before
	ReasonTooLarge  = "too_large" // cut off at the size limit
	ReasonBlocked   = "blocked"   // the sender's address or domain is blocked
)

// Reason is a recorded reason read back: its kind ("" for one to show as written), the
// size limit in bytes of ReasonTooLarge, and the blocked entry's kind
// (inboxmail.KindAddress or KindDomain) and value of ReasonBlocked.
type Reason struct {
	Kind       string
	Limit      int64
	BlockKind  string
	BlockValue string
}

// ReasonOf reads a reason the listener recorded.
func ReasonOf(reason string) Reason {
	if reason == reasonDuplicate {
		return Reason{Kind: ReasonDuplicate}
	}
	var n int64
	if _, err := fmt.Sscanf(reason, reasonTooLarge, &n); err == nil && fmt.Sprintf(reasonTooLarge, n) == reason {
		return Reason{Kind: ReasonTooLarge, Limit: n}
	}
	if rest, ok := strings.CutPrefix(reason, blockedPrefix); ok {
		if kind, value, ok := strings.Cut(strings.TrimSuffix(rest, ")"), ":"); ok && strings.HasSuffix(rest, ")") {
			return Reason{Kind: ReasonBlocked, BlockKind: kind, BlockValue: value}
		}
	}
	return Reason{}
}
