package mailin

import (
	"strings"

	"github.com/emersion/go-message"
)

// Reasons a message counts as automatic.
const (
	AutoSubmitted  = "auto-submitted" // Auto-Submitted header other than "no" (RFC 3834)
	AutoPrecedence = "precedence"     // Precedence: bulk, junk, list or auto_reply
	AutoReply      = "auto-reply"     // X-Autoreply / X-Autorespond (vacation programs)
	AutoBounce     = "bounce"         // empty Return-Path, MAILER-DAEMON, delivery report
	AutoList       = "list"           // List-Id or List-Unsubscribe: a mailing list or newsletter
	AutoNoReply    = "no-reply"       // sent from a no-reply address
	// AutoOwnMail: the mail's Message-ID is one the portal gave a mail it sent (a
	// mailbox redirecting everything, the support address among a mail's recipients).
	// Only the listener knows the portal's ids, so Parse never sets it (inbound).
	AutoOwnMail = "own-mail"
)

// automatic tells whether the message (its header, sender and decoded subject) was
// sent by a machine, and why. Answering such
// mail is how two systems end up mailing each other forever.
func automatic(h message.Header, from Address, subject string) (bool, string) {
	if v := strings.ToLower(strings.TrimSpace(h.Get("Auto-Submitted"))); v != "" && v != "no" {
		return true, AutoSubmitted
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Precedence"))) {
	case "bulk", "junk", "list", "auto_reply":
		return true, AutoPrecedence
	}
	if h.Has("X-Autoreply") || h.Has("X-Autorespond") || h.Has("X-Autoresponse") {
		return true, AutoReply
	}
	if officeAuto(h, subject) {
		return true, AutoOffice
	}
	if IsBounceSender(h.Get("Return-Path"), h.Has("Return-Path")) || IsBounceSender(from.Address, true) {
		return true, AutoBounce
	}
	if t, _, _ := h.ContentType(); strings.EqualFold(t, "multipart/report") {
		return true, AutoBounce
	}
	if h.Has("List-Id") || h.Has("List-Unsubscribe") {
		return true, AutoList
	}
	switch local(from.Address) {
	case "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply":
		return true, AutoNoReply
	}
	return false, ""
}

// IsBounceSender reports whether an envelope sender or Return-Path marks a bounce: the
// null sender "<>" (when present is set: an absent header says nothing) or a
// MAILER-DAEMON / postmaster address.
func IsBounceSender(addr string, present bool) bool {
	a := strings.TrimSpace(addr)
	if present && (a == "" || a == "<>") {
		return true
	}
	switch local(strings.Trim(a, "<>")) {
	case "mailer-daemon", "postmaster":
		return true
	}
	return false
}

// local returns the lower-cased local part of an address.
func local(addr string) string {
	i := strings.LastIndexByte(addr, '@')
	if i < 0 {
		return strings.ToLower(addr)
	}
	return strings.ToLower(addr[:i])
}
