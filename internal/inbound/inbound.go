// Package inbound receives mail for the tenants' support addresses on a built-in SMTP
// or LMTP listener (PFORTE_INBOUND_ADDR). It turns away mail for unknown addresses at
// RCPT time, keeps every accepted message in the file store, records each mail in
// inbound_mails and hands it to a Router, which decides where it goes: the staff inbox
// by default, a ticket once the helpdesk routes mail.
package inbound

import (
	"context"
	"errors"
	"time"

	"pforte/internal/db"
	"pforte/internal/mailin"
)

// Router decides where an accepted mail goes. Route runs inside the transaction that
// records the mail in inbound_mails: write only through tx (on SQLite, using the *db.DB
// inside it deadlocks), and queue any mail to send (outbox) through tx as well, so the
// mail is routed, recorded and answered together or not at all.
//
// An error rolls everything back: a *Rejection refuses the mail for good (the sender
// gets 550 with its reason); any other error is temporary (451, the sending server
// tries again later) and the stored files are deleted.
type Router interface {
	Route(ctx context.Context, tx db.Querier, d Delivery) (Outcome, error)
}

// RouterFunc lets a plain function be a Router.
type RouterFunc func(ctx context.Context, tx db.Querier, d Delivery) (Outcome, error)

// Route calls f.
func (f RouterFunc) Route(ctx context.Context, tx db.Querier, d Delivery) (Outcome, error) {
	return f(ctx, tx, d)
}

// Delivery is one accepted mail for one tenant.
type Delivery struct {
	TenantID int64
	MailID   int64  // the inbound_mails row, already inserted in tx
	MailFrom string // envelope sender (MAIL FROM), "" for a bounce
	Rcpt     string // the recipient as the sender wrote it, lower-case: support+tok@…
	Support  string // the tenant's support address it matched: support@…
	// Token is the part after "+" in Rcpt's local part ("" without one): the portal's
	// reply addresses (support+<token>@…) carry it to find the ticket a reply is for.
	// It is only what the sender wrote: check it against the tenant's data.
	Token   string
	Message *mailin.Message
	// RawKey is the raw message in the file store (filestore.Store.Open).
	RawKey string
	// Files are the message's attachments (inline images too), already in the file
	// store, in the order of Message.Attachments.
	Files []File
	// FullText is Message.Text kept in the file store as a text file when it is longer
	// than LongText (Key "" otherwise): a ticket message holds only that much, and the
	// rest must not be lost (see ticketmail).
	FullText   File
	ReceivedAt time.Time
	// Auth is what the tenant's trusted mail server says of the From address (see
	// mailin.Authenticate); not Checked when the tenant trusts no server, and so the
	// From address as it is. A router must not act in a known sender's name on a
	// Failed verdict unless the mail proves itself otherwise (a reply address's token).
	Auth mailin.AuthVerdict
	// AnswersTicket is set by a router that sends to the inbox a mail answering a
	// ticket's mail from someone it was not sent to: ToInbox notes the ticket on the
	// item (inbox.MailPayload.Answers), so staff can add the mail to it.
	AnswersTicket int64
}

// File is an attachment kept in the file store.
type File struct {
	Name        string // cleaned file name from the mail
	ContentType string // as the sender declared it
	Type        string // sniffed from the content: what to serve it as
	Size        int64
	Key         string // filestore key
	Inline      bool   // an inline image rather than an attached file
	ContentID   string // for cid: references in the HTML
}

// Outcome is what a Router did with a mail; the listener records it in inbound_mails.
type Outcome struct {
	Action string // short and stable, e.g. "inbox", "ticket", "reply", "ignored"
	Reason string // for people reading the log: "inbox item 12", "reply on ticket 7"
}

// ActionIgnored is the Outcome.Action of a mail a Router leaves alone (automatic
// mail): the listener then deletes its attachments and whole-text file once the mail is
// recorded, so a Router returning it must not refer to Delivery.Files or FullText.
const ActionIgnored = "ignored"

// IgnoredAuto starts the reason of a mail ignored as automatic; its mailin.Auto…
// reason follows ("automatic mail: out-of-office"), which the back office's list of
// incoming mail shows in the reader's words.
const IgnoredAuto = "automatic mail: "

// Rejection is an error a Router returns to refuse a mail for good.
type Rejection struct {
	Reason string // sent back to the sender in the 550 answer; keep it short and ASCII
}

// Error names the reason for logs; the SMTP answer sends Reason alone.
func (r *Rejection) Error() string { return "inbound: rejected: " + r.Reason }

// Outcomes the listener itself records. Records with these route nothing: they stay
// out of the unique index that lets a Message-ID be routed once (inbound_mails_once,
// migration 00078), which names them; a new outcome of that kind must be added there.
const (
	OutcomeRejected  = "rejected"  // too large, malformed or refused by the router; the sender got a 5xx
	OutcomeDeferred  = "deferred"  // a temporary failure; the sender got a 451 and tries again
	OutcomeDuplicate = "duplicate" // the same Message-ID was already taken in for the tenant
)

// isRejection reports whether err refuses the mail for good.
func isRejection(err error) (*Rejection, bool) {
	var r *Rejection
	ok := errors.As(err, &r)
	return r, ok
}
