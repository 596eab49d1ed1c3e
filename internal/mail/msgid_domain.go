package mail

import (
	"net/mail"
	"strings"
)

// PlaceholderIDDomain ends the Message-IDs the portal gives mail when it is queued
// ("…@pforte"): which address the mail goes out from (the tenant's own sender or the
// installation's) is only known when it is sent. IDFrom completes it then.
const PlaceholderIDDomain = "pforte"

// IDFrom is id with the placeholder domain replaced by the domain of from ("Name
// <addr>" or addr), as RFC 5322 asks of a Message-ID's right-hand side: spam filters
// score an id without a fully qualified domain (rspamd's MID_RHS_NOT_FQDN). An id of
// another form, or a sender without a dotted domain (portal@localhost), stays as it is.
func IDFrom(id, from string) string {
	left, ok := strings.CutSuffix(id, "@"+PlaceholderIDDomain)
	if !ok {
		return id
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return id
	}
	domain := strings.ToLower(a.Address[strings.LastIndexByte(a.Address, '@')+1:])
	if !strings.Contains(domain, ".") || strings.HasSuffix(domain, ".") || !ValidMessageID(left+"@"+domain) {
		return id
	}
	return left + "@" + domain
}

// StoredIDs are the two ids under which the outbox may hold a mail that an incoming
// mail names by id (In-Reply-To, References), for "message_id IN (?, ?)": the id
// itself, and the id with the placeholder domain the mail was queued under before
// IDFrom gave it the sender's (the same id twice when there is none to try). The left
// part of the portal's ids is random, so the second form catches no other sender's mail;
// the lookups also ask for the tenant and the address the mail went to.
func StoredIDs(id string) (string, string) {
	at := strings.LastIndexByte(id, '@')
	if at < 1 {
		return id, id
	}
	return id, id[:at+1] + PlaceholderIDDomain
}
