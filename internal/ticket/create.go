package ticket

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/filestore"
)

// Upload is a file already in the file store, waiting to be attached.
type Upload = filestore.Upload

// New is what opens a ticket: from the portal (ContactID), by email, or by staff on a
// customer's behalf (StaffID).
type New struct {
	TenantID   int64
	CompanyID  int64
	ContactID  int64
	StaffID    int64
	Author     string
	Title      string
	Body       string
	CategoryID int64
	Priority   int
	Location   string
	Asset      string
	Via        string // portal, email, staff
	MailID     string // Message-ID of the mail that opened it
	Files      []Upload
	FromForm   bool // a person's form (portal, back office): sent again a moment later, a repeat (repeat.go)
}

// Create stores a new ticket with its first message, attachments and history entry. The
// caller has checked that the contact belongs to the company. A contact's ticket (from
// the portal or by mail) is a request: "new" until staff accept or decline it. A ticket
// staff open on a customer's behalf is their own work and starts accepted. A ticket
// sent with a form (FromForm) that its author sent a moment ago already is a
// *RepeatedError naming the first (repeat.go).
func Create(ctx context.Context, tx db.Querier, n New, now time.Time) (int64, error) {
	if err := repeatedTicket(ctx, tx, n, now); err != nil {
		return 0, err
	}
	if err := categoryOf(ctx, tx, n.TenantID, n.CategoryID); err != nil {
		return 0, fmt.Errorf("ticket: category: %w", err)
	}
	code, request := CodeNew, RequestPending
	if n.StaffID > 0 {
		code, request = CodeAccepted, RequestAccepted
	}
	st, err := StatusByCode(ctx, tx, n.TenantID, code)
	if err != nil {
		return 0, err
	}
	if n.Priority < PriorityLow || n.Priority > PriorityUrgent {
		n.Priority = PriorityNormal
	}
	if n.Via == "" {
		n.Via = "portal"
		if n.StaffID > 0 {
			n.Via = ViaStaff // what tells its clock later that it awaits no first response
		}
	}
	token, secret := replyToken(), NewReplySecret()
	idCol, idVal := "", ""
	if tx.Engine() == db.SQLite { // a deleted ticket's number is not handed out again (ticket_number_floor)
		idCol, idVal = "id, ", `(SELECT MAX(v) FROM (SELECT COALESCE(MAX(id), 0) + 1 AS v FROM tickets
			UNION ALL SELECT last_id + 1 FROM ticket_number_floor)), `
	}
	id, err := db.Insert(ctx, tx, `INSERT INTO tickets (`+idCol+`tenant_id, company_id, contact_id, title, status_id, priority,
		category_id, location, asset, via, reply_token, reply_secret, request_state, search, created_at, updated_at, portal_at)
		VALUES (`+idVal+`?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.TenantID, n.CompanyID, nullID(n.ContactID), n.Title, st.ID, n.Priority, nullID(n.CategoryID), n.Location,
		n.Asset, n.Via, token, secret, request, strings.ToLower(n.Title), now.Unix(), now.Unix(), now.Unix())
	if err != nil {
		return 0, fmt.Errorf("ticket: create: %w", err)
	}
	msg := Reply{TenantID: n.TenantID, TicketID: id, ContactID: n.ContactID, StaffID: n.StaffID, Author: n.Author,
		Body: n.Body, Via: n.Via, MailID: n.MailID, Files: n.Files, subject: n.Title}
	if _, err := addMessage(ctx, tx, msg, now); err != nil {
		return 0, err
	}
	if err := addEvent(ctx, tx, n.TenantID, id, Event{Kind: "created", To: st, Actor: n.Author}, n.ContactID, n.StaffID, now); err != nil {
		return 0, err
	}
	if err := startClock(ctx, tx, n.TenantID, id, n.Priority, n.Via == ViaStaff, now); err != nil { // sla.go
		return 0, err
	}
	return id, nil
}

// replyToken is the secret part of the ticket's reply address (support+token@…). It is
// random rather than derived from the id, so guessing addresses does not let a stranger
// write into someone's ticket.
// Lower-case hex survives mail servers that fold the local part's case.
func replyToken() string {
	b := make([]byte, 10)
	rand.Read(b) // never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// nullID stores 0 (no id, no time) as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
