// Package mail renders outgoing emails and delivers them over SMTP or into .eml
// files. Both paths build the message with github.com/wneessen/go-mail, so a
// stored .eml is byte-for-byte the same structure as what goes over the wire.
package mail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Message is one outgoing email, already rendered.
type Message struct {
	From      string // "Name <addr>" or addr
	To        string // addr
	Subject   string
	Text      string // text/plain body
	HTML      string // text/html body
	MessageID string // without angle brackets, e.g. "abc123@pforte.local"
	// ReplyTo is where answers go (a ticket's reply address); empty: to From.
	ReplyTo string
	// InReplyTo threads the mail under an earlier one (without angle brackets); it is
	// sent as In-Reply-To and References.
	InReplyTo string
	// Personal marks text a person wrote (a staff member's ticket reply, an answer from
	// the inbox): it goes out without Auto-Submitted, since RFC 3834's auto-generated
	// says no human wrote it, and the recipient's helpdesk or mail rules may then drop
	// it or refuse to make a ticket of it.
	Personal bool
	// Date is the Date header; zero: now. A stored copy written anew keeps its date
	// (RewriteFile).
	Date time.Time
}

// Sender delivers a message. Send returns a short description of where the
// message went (the .eml path for the file sender, StoredSMTP for SMTP).
type Sender interface {
	Send(ctx context.Context, m Message) (string, error)
}

// Build renders the message to RFC 5322 bytes (CRLF line endings). When both
// Text and HTML are set the body is multipart/alternative; all text is UTF-8.
func Build(m Message) ([]byte, error) {
	msg, err := newMsg(m)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := msg.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("mail: render message: %w", err)
	}
	return buf.Bytes(), nil
}

// newMsg converts m into a go-mail message with Date and Message-ID headers.
func newMsg(m Message) (*gomail.Msg, error) {
	if err := checkMessageID(m.MessageID); err != nil {
		return nil, err
	}
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if strings.TrimSpace(m.From) == "" {
		return nil, errors.New("mail: missing From address")
	}
	if err := msg.From(m.From); err != nil {
		return nil, fmt.Errorf("mail: invalid From %q: %w", m.From, err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("mail: invalid To %q: %w", m.To, err)
	}
	msg.Subject(strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(m.Subject))
	msg.SetMessageIDWithValue(m.MessageID) // go-mail adds the angle brackets
	if m.ReplyTo != "" {
		if err := msg.ReplyTo(m.ReplyTo); err != nil {
			return nil, fmt.Errorf("mail: invalid Reply-To %q: %w", m.ReplyTo, err)
		}
	}
	if m.InReplyTo != "" {
		if err := checkMessageID(m.InReplyTo); err != nil {
			return nil, err
		}
		msg.SetGenHeader(gomail.HeaderInReplyTo, "<"+m.InReplyTo+">")
		msg.SetGenHeader(gomail.HeaderReferences, "<"+m.InReplyTo+">")
	}
	// A mail the portal writes itself is generated; the header keeps vacation responders
	// (and our own inbound listener) from answering it in a loop (RFC 3834). A person's
	// text is not: an auto-reply to it is what a mail from a person gets anywhere.
	if !m.Personal {
		msg.SetGenHeader("Auto-Submitted", "auto-generated")
	}
	if m.Date.IsZero() {
		msg.SetDate()
	} else {
		msg.SetDateWithValue(m.Date)
	}

	switch {
	case m.HTML == "":
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	case m.Text == "":
		msg.SetBodyString(gomail.TypeTextHTML, m.HTML)
	default:
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

// checkMessageID accepts "left@right" made of printable ASCII without
// whitespace or angle brackets, which keeps the header (and file name) safe.
func checkMessageID(id string) error {
	left, right, ok := strings.Cut(id, "@")
	if !ok || left == "" || right == "" || strings.Contains(right, "@") {
		return fmt.Errorf("mail: invalid MessageID %q: want left@right", id)
	}
	for _, r := range id {
		if r <= ' ' || r >= 0x7f || r == '<' || r == '>' {
			return fmt.Errorf("mail: invalid MessageID %q: bad character %q", id, r)
		}
	}
	return nil
}
