package mailin

import (
	"regexp"
	"strings"

	"pforte/internal/validate"
)

// forwardPrefix is the prefix mail programs put before a forwarded mail's subject:
// Fwd/FW (English, most webmail), WG (German Outlook), TR (French), Doorst (Dutch), VS
// (Danish), RV (Spanish), Enc (Portuguese), with an optional count.
var forwardPrefix = regexp.MustCompile(`(?i)^\s*(fwd?|wg|tr|doorst|vs|rv|enc)\s*(\[\d+\]|\(\d+\))?\s*:`)

// forwarded reports whether a mail forwards another: its subject starts with a forward
// prefix. What a forwarded mail is about is the mail below the forwarder's line ("see
// below"), under a header block ("From: … Sent: …", "---------- Forwarded message
// ---------") that Trim takes for a quote and cuts: a ticket opened from it would
// hold "see below" and nothing of the customer's problem.
func forwarded(subject string) bool {
	return forwardPrefix.MatchString(subject)
}

// keepsForwarded reports whether a mail's Reply is its whole text: it forwards another
// mail (forwarded), and that mail is not one of the portal's own, which carries the
// reply marker. A customer forwarding a ticket mail to the support address ("WG: [#6]
// Pumpe", with a note above it) wrote only the note: the portal's mail below, and the
// history it quotes, is on the ticket already.
func keepsForwarded(subject, text string) bool {
	if !forwarded(subject) {
		return false
	}
	for l := range strings.SplitSeq(text, "\n") {
		if markerLine.MatchString(validate.StripBidi(l)) {
			return false
		}
	}
	return true
}
