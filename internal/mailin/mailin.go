// Package mailin reads incoming mail: it parses a raw RFC 5322 message into a Message
// (addresses, decoded subject, thread headers, the plain text, sanitised HTML,
// attachments), recognises automatic mail (bounces, auto-replies, lists) so the portal
// never answers a robot, and trims quoted text and signatures from replies. It knows
// nothing of tenants or tickets; package inbound decides where a message goes.
package mailin

import (
	"errors"
	"time"
)

// ReplyMarker is the line the portal puts at the top of its own mails. Everything from
// this line down in a reply is the quoted original and is cut off. Any line of the form
// "##- … -##" counts as a marker, so translated markers work as well.
const ReplyMarker = "##- Please type your reply above this line -##"

// ErrTooLarge means the message exceeds a limit: its size, its number of parts or how
// deeply its parts are nested. Mail servers answer it with 552.
var ErrTooLarge = errors.New("mailin: message too large")

// ErrMalformed means the message cannot be read: no sender, broken MIME structure, bad
// transfer encoding. Mail servers answer it with 550/554.
var ErrMalformed = errors.New("mailin: malformed message")

// Limits bound what Parse accepts; zero fields take the defaults.
type Limits struct {
	MaxBytes int64 // whole raw message; default 25 MB
	MaxParts int   // MIME parts of all levels; default 200
	MaxDepth int   // multipart nesting; default 10
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 25 << 20
	}
	if l.MaxParts <= 0 {
		l.MaxParts = 200
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 10
	}
	return l
}

// Address is a mailbox: the address, lower-cased, and the display name.
type Address struct {
	Name    string
	Address string
}

// String formats the address as "Name <address>", or the bare address without a name.
func (a Address) String() string {
	if a.Name == "" {
		return a.Address
	}
	return a.Name + " <" + a.Address + ">"
}

// Attachment is a file that came with the message. Inline images count as attachments,
// except those the HTML body shows by cid: (see dropDecoration).
type Attachment struct {
	Filename    string // cleaned of paths and control characters; never empty
	ContentType string // as declared by the sender, lower-case, without parameters
	ContentID   string // without angle brackets, for inline images referenced as cid:
	Inline      bool
	Data        []byte
}

// Message is a parsed incoming mail.
type Message struct {
	From       Address
	ReplyTo    []Address
	To, Cc     []Address
	Subject    string   // decoded
	MessageID  string   // without angle brackets; "" when the message has none
	InReplyTo  []string // without angle brackets
	References []string // without angle brackets, oldest first
	Date       time.Time
	// Language is the Content-Language field as sent ("de-DE", "en-US, de"; Outlook and
	// Thunderbird write it, most webmail does not), "" without one: the language a
	// sender the portal does not know yet gets their mails in.
	Language string

	// Text is the whole plain text body: the text/plain parts, or the HTML converted to
	// text when there are none. Reply is Text with quoted text, the portal's reply
	// marker and signatures removed: what the sender wrote this time. A forwarded mail
	// (its subject starts "Fwd:", "WG:" …) keeps its whole Text as Reply: the mail it
	// forwards is what it is about, unless that is the portal's own (keepsForwarded).
	Text  string
	Reply string
	// HTML is the HTML body sanitised for display (bluemonday's UGC policy); "" when
	// the message has no HTML.
	HTML string

	Attachments []Attachment

	// Auto is set for mail sent by a machine: bounces, auto-replies, lists. Such mail
	// must never be answered automatically; AutoReason says why it counts as automatic.
	Auto       bool
	AutoReason string

	Size int64 // bytes of the raw message

	// Cut is set when the message ended before a multipart's closing boundary (a
	// scanner that stopped early, a connection dropped on the way): everything up to
	// the end was read, but parts may be missing and the last one may be short.
	Cut bool

	// AuthResults are the Authentication-Results fields, topmost first: what the mail
	// servers on the way found out about the sender (see Authenticate).
	AuthResults []AuthField
}
