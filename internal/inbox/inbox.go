// Package inbox is the staff inbox (Postkorb): a queue of things that arrive from the
// portal and need a person to look at them — self-registrations and deleted accounts
// now, orders, quote requests, service requests and unsorted mail later. An item has a
// kind, a small set of states, a JSON payload that its kind defines, and records who
// handled it and when.
package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// Kinds of items. A later module adds its own constant and a payload type.
const (
	KindRegistration   = "registration"    // a confirmed self-registration to approve or reject
	KindAccountDeleted = "account_deleted" // a contact deleted their account; update the ERP
)

// Kinds lists the kinds the back office filters by.
var Kinds = []string{KindRegistration, KindAccountDeleted}

// States of an item. Every kind starts open and ends in one of the others: accepted and
// declined for requests someone decides on (registrations, quote requests, service
// requests), done for notices that only need to be taken care of.
const (
	StateOpen     = "open"
	StateAccepted = "accepted"
	StateDeclined = "declined"
	StateDone     = "done"
)

// States lists the states the back office filters by.
var States = []string{StateOpen, StateAccepted, StateDeclined, StateDone}

// AutoFiled is the reason of a mail item filed as done on arrival because it is an
// automatic reply (an out-of-office note); AutoFiledBy is who the item names as having
// handled it. The back office shows the reason in the reader's language.
const (
	AutoFiled   = "auto-reply"
	AutoFiledBy = "Pforte"
)

// AutoFiledItem reports whether it was filed as done on arrival as an automatic reply.
func (it Item) AutoFiledItem() bool {
	return it.State == StateDone && it.Reason == AutoFiled && it.HandledByStaffID == 0 && it.HandledByContactID == 0
}

// ErrHandled means someone else handled the item first (or it was never open).
var ErrHandled = errors.New("inbox: item already handled")

// Item is one entry of the inbox.
type Item struct {
	ID                 int64
	TenantID           int64
	Kind               string
	State              string
	Title              string
	Payload            json.RawMessage
	Email              string // the address it came from, when it came from a person
	Domain             string // that address's domain, to match companies by
	CompanyID          int64  // the company it concerns, if known
	ContactID          int64  // the contact it concerns, if known
	SuggestedCompanyID int64  // a company guessed for it (by the email domain)
	CompanyName        string // names of the referenced companies, for lists
	SuggestedName      string
	CreatedAt          time.Time
	// ActiveAt is the item's last activity: when it arrived, was reopened or got a
	// new mail of its conversation. The list goes by it; handling or reading the item
	// leaves it.
	ActiveAt           time.Time
	HandledAt          time.Time
	HandledByStaffID   int64
	HandledByContactID int64
	HandledBy          string // name and address of who handled it, kept as it was then
	Reason             string
}

// Decode reads the payload into v.
func (it Item) Decode(v any) error {
	if len(it.Payload) == 0 {
		return nil
	}
	if err := json.Unmarshal(it.Payload, v); err != nil {
		return fmt.Errorf("inbox: payload of %d: %w", it.ID, err)
	}
	return nil
}

// Open reports whether the item still waits for someone.
func (it Item) Open() bool { return it.State == StateOpen }

// Pending checks that the item is an open one of kind and decodes its payload into v,
// for whoever is about to decide it: another kind is db.ErrNotFound (no id of that
// kind), a handled item ErrHandled (someone was quicker).
func (it Item) Pending(kind string, v any) error {
	if it.Kind != kind {
		return db.ErrNotFound
	}
	if !it.Open() {
		return ErrHandled
	}
	return it.Decode(v)
}

// DomainOf returns the lower-cased domain of an email address, or "".
func DomainOf(email string) string {
	i := strings.LastIndexByte(email, '@')
	if i < 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(email[i+1:]))
}

// Create stores a new open item, arrived (and last active) now; payload is marshalled
// to JSON. Pass the transaction of the change that caused it.
func Create(ctx context.Context, q db.Querier, it Item, payload any, now time.Time) (int64, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return 0, fmt.Errorf("inbox: payload: %w", err)
	}
	if it.Domain == "" {
		it.Domain = DomainOf(it.Email)
	}
	id, err := db.Insert(ctx, q, `INSERT INTO inbox_items (tenant_id, kind, state, title, payload, email, domain,
		company_id, contact_id, suggested_company_id, created_at, active_at) VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.TenantID, it.Kind, it.Title, string(raw), strings.ToLower(it.Email), it.Domain, nullID(it.CompanyID),
		nullID(it.ContactID), nullID(it.SuggestedCompanyID), now.Unix(), now.Unix())
	if err != nil {
		return 0, fmt.Errorf("inbox: create: %w", err)
	}
	return id, nil
}

// By is who handles an item: a staff member or a (main) contact.
type By struct {
	StaffID   int64
	ContactID int64
	Name      string // "Anna Admin <anna@…>", kept on the item
}

// Handle moves an open item to state with an optional reason. Only an open item can be
// handled, and only once: a second (or concurrent) attempt gets ErrHandled. Pass the
// transaction of whatever the decision changes, so both happen or neither.
func Handle(ctx context.Context, q db.Querier, tenantID, id int64, state string, by By, reason string, now time.Time) error {
	if state == StateOpen {
		return fmt.Errorf("inbox: handle %d: target state open", id)
	}
	res, err := q.Exec(ctx, `UPDATE inbox_items SET state = ?, reason = ?, handled_at = ?, handled_by_staff_id = ?,
		handled_by_contact_id = ?, handled_by = ? WHERE tenant_id = ? AND id = ? AND state = 'open'`,
		state, reason, now.Unix(), nullID(by.StaffID), nullID(by.ContactID), by.Name, tenantID, id)
	if err != nil {
		return fmt.Errorf("inbox: handle %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrHandled
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// SetRefs records the company and contact an item turned out to concern (an approved
// registration's new contact, say).
func SetRefs(ctx context.Context, q db.Querier, tenantID, id, companyID, contactID int64) error {
	_, err := q.Exec(ctx, `UPDATE inbox_items SET company_id = ?, contact_id = ? WHERE tenant_id = ? AND id = ?`,
		nullID(companyID), nullID(contactID), tenantID, id)
	if err != nil {
		return fmt.Errorf("inbox: refs of %d: %w", id, err)
	}
	return nil
}
