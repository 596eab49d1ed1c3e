package ticketmail

import (
	"regexp"
	"strings"
)

// replyPrefix is one reply or forward prefix as mail programs write them (Re, AW, WG,
// Fwd, FW, SV, Antw, TR, RV, Enc, VS (Danish forward, Finnish reply), Doorst (Dutch
// forward), RES (Brazilian reply) …), in any case, with an optional count ("Re[2]:",
// "AW(3):") and space before the colon.
var replyPrefix = regexp.MustCompile(`(?i)^(re|res|aw|wg|fwd|fw|sv|vs|antw|doorst|tr|rv|enc)\s*(\[\d+\]|\(\d+\))?\s*:\s*`)

// ticketTag is the "[#6]" the portal puts before its ticket mails' subjects: only at
// the start (after reply prefixes, see bareSubject), so a customer's own "Bestellung
// [#4711]" keeps its number.
var ticketTag = regexp.MustCompile(`^\[#\d+\]\s*`)

// bareSubject is a mail subject without the leading reply and forward prefixes (also
// repeated: "AW: WG: Re:") and the portal's "[#N]" tags among them: a ticket opened by
// a mail that answers or forwards another is about its subject, and a foreign ticket
// number in its title would only mislead.
func bareSubject(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimSpace(ticketTag.ReplaceAllString(s, ""))
		t = replyPrefix.ReplaceAllString(t, "")
		if t == s {
			return s
		}
		s = t
	}
}
