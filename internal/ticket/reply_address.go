package ticket

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// NewReplySecret makes a ticket's reply secret (see Ticket.ReplySecret).
func NewReplySecret() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// RecipientToken is the part after "+" in the reply address of mails about t to email:
// the ticket's token, a dot, and a code from the ticket's secret and the address. The
// reply address thus works only for the person it was mailed to (RepliesFrom): the
// sender of an incoming mail can be forged, but not a code for an address one never
// received a mail at.
func RecipientToken(t Ticket, email string) string {
	return t.ReplyToken + "." + recipientCode(t.ReplySecret, email)
}

// ParseRecipientToken splits a reply address's token into the ticket's token and the
// recipient's code; ok is false for anything else (an old address without a code).
func ParseRecipientToken(token string) (ticketToken, code string, ok bool) {
	ticketToken, code, ok = strings.Cut(token, ".")
	return ticketToken, code, ok && ticketToken != "" && code != ""
}

// RepliesFrom reports whether code is the recipient code of t for email.
func RepliesFrom(t Ticket, code, email string) bool {
	if t.ReplySecret == "" {
		return false // a secret-less ticket has no codes anyone could check
	}
	return hmac.Equal([]byte(code), []byte(recipientCode(t.ReplySecret, email)))
}

// recipientCode is 12 hex digits (48 bits) of HMAC-SHA256(secret, address): short
// enough for a mail address's local part (64 characters with the ticket's token), far
// too many to guess through a mail server.
func recipientCode(secret, email string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(strings.ToLower(strings.TrimSpace(email))))
	return hex.EncodeToString(m.Sum(nil))[:12]
}
