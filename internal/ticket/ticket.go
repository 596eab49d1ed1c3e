// Package ticket is the helpdesk: tickets a company's contacts open, the conversation
// with the provider's staff (public replies and internal notes), status history,
// attachments and followers. Portal access goes through a principal.Contact, so every
// query is scoped to the tenant, the active company and — for plain users — the tickets
// they opened or follow. Internal notes leave this package only through the staff
// functions.
package ticket

import (
	"errors"
	"fmt"
	"html/template"
	"time"
)

// Status kinds: what a tenant's status means for the rules (open tickets can be replied
// to, resolved and closed ones are done, closed ones need reopening).
const (
	KindOpen     = "open"
	KindWaiting  = "waiting"
	KindResolved = "resolved"
	KindClosed   = "closed"
)

// Kinds lists the status kinds in their natural order.
var Kinds = []string{KindOpen, KindWaiting, KindResolved, KindClosed}

// Built-in status codes. Tenants may rename, hide or add statuses; the codes let the
// rules find "new", "accepted", "closed" and "declined" whatever they are called.
const (
	CodeNew      = "new"
	CodeAccepted = "accepted"
	CodeProgress = "in_progress"
	CodeWaiting  = "waiting"
	CodeResolved = "resolved"
	CodeClosed   = "closed"
	CodeDeclined = "declined"
)

// Priorities, stored as numbers so lists sort by urgency.
const (
	PriorityLow    = 1
	PriorityNormal = 2
	PriorityHigh   = 3
	PriorityUrgent = 4
)

// Priorities lists the priorities from low to urgent.
var Priorities = []int{PriorityLow, PriorityNormal, PriorityHigh, PriorityUrgent}

// PriorityName is the message-key suffix of a priority.
func PriorityName(p int) string {
	switch p {
	case PriorityLow:
		return "low"
	case PriorityHigh:
		return "high"
	case PriorityUrgent:
		return "urgent"
	}
	return "normal"
}

// Request states: staff accept or decline a new ticket (a service request).
const (
	RequestPending  = "pending"
	RequestAccepted = "accepted"
	RequestDeclined = "declined"
)

// Errors of the rules; the web layer maps them to messages.
var (
	ErrBilled      = errors.New("ticket: billed tickets cannot be changed")
	ErrNoReopen    = errors.New("ticket: the provider does not allow reopening")
	ErrClosed      = errors.New("ticket: the ticket is closed")
	ErrNotClosed   = errors.New("ticket: the ticket is not closed")
	ErrDecided     = errors.New("ticket: the request was already decided")
	ErrNotFollower = errors.New("ticket: not a colleague of this company")
	// ErrStatusInactive: staff chose a status the tenant retired.
	ErrStatusInactive = errors.New("ticket: the status is no longer in use")
	// ErrAssigneeInactive: staff chose a colleague who was deactivated.
	ErrAssigneeInactive = errors.New("ticket: the staff member is no longer active")
	// ErrAssigneeInvited: staff chose a colleague who has not accepted the invitation
	// yet. It is ErrAssigneeInactive too, for callers that need not tell them apart.
	ErrAssigneeInvited = fmt.Errorf("%w: invited, not yet joined", ErrAssigneeInactive)
	// ErrMerged: the ticket was merged into another, which now holds its conversation.
	ErrMerged = errors.New("ticket: the ticket was merged into another")
)

// Ticket is one ticket with the names a page shows.
type Ticket struct {
	ID             int64
	TenantID       int64
	CompanyID      int64
	CompanyName    string
	ContactID      int64 // who opened it; 0 after the contact was deleted
	ContactName    string
	Title          string
	Status         Status
	Priority       int
	CategoryID     int64
	CategoryName   string
	Location       string
	Asset          string
	AssigneeID     int64
	AssigneeName   string
	Billed         bool
	RequestState   string
	DecisionReason string
	Via            string
	ReplyToken     string
	// ReplySecret makes each recipient's reply address (RecipientToken); never shown
	// or mailed.
	ReplySecret string
	// MergedInto is the ticket staff merged this one into (0: not merged); a merged
	// ticket is closed and takes no more messages (see Merge).
	MergedInto int64
	// Rating is the newest rating of the ticket (RatingGood, RatingBad) or empty; only
	// the back office's queue reads it.
	Rating string
	// DueAt is the next due time of an open ticket with a service-level target (sla.go),
	// zero otherwise; only the back office's queue reads it.
	DueAt time.Time
	// FollowUpAt is the ticket's follow-up (followup.go), zero for none; only the back
	// office's queue reads it.
	FollowUpAt time.Time
	// StaffNews and PortalNews say what can make the ticket new for a reader (read.go):
	// every message counts for staff, public ones for contacts. Unread is set for the
	// queue's reader by MarkUnread.
	StaffNews, PortalNews News
	Unread                bool
	// Watched is Viewing or Typing while another staff member has the ticket open
	// (presence.go); only the back office's queue reads it, set by MarkWatched.
	Watched string
	// Last is the newest public message (who wrote it, when); only Recent reads it.
	Last LastMessage
	// Match is, in a list searched for words, a piece of the earliest message that holds
	// them all, the words marked (search_snippet.go); empty when the subject matched.
	Match     template.HTML
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Done reports whether the ticket is resolved or closed.
func (t Ticket) Done() bool { return t.Status.Kind == KindResolved || t.Status.Kind == KindClosed }

// Message is one entry of the conversation.
type Message struct {
	ID        int64
	ContactID int64
	StaffID   int64
	Author    string // display name at the time of writing
	Internal  bool   // a staff note; never shown to contacts
	Body      string
	Via       string // portal, email, staff
	CreatedAt time.Time
	Files     []Attachment
}

// FromStaff reports whether staff wrote the message.
func (m Message) FromStaff() bool { return m.StaffID > 0 }

// Event is one entry of the status history.
type Event struct {
	ID        int64
	Kind      string // created, status, assigned, billed, accepted, declined, follower, reopened, closed
	From, To  Status
	Actor     string
	Note      string
	CreatedAt time.Time
}

// Attachment is a file added to a ticket.
type Attachment struct {
	ID          int64
	MessageID   int64
	Key         string
	Filename    string
	ContentType string
	Size        int64
	CreatedAt   time.Time
}
