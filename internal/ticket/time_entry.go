package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"pforte/internal/db"
)

// Time accounting: staff record the time they spent on a ticket so the provider can
// bill it. An entry belongs to the staff member who logged it; agents change and
// delete their own entries, admins any. A billed ticket is locked: its entries take no
// additions, changes or deletions (ErrBilled), as its conversation takes no messages.
// A merge moves the source's entries to the target with its messages (merge.go).
// Contacts see the time spent only when the tenant allows it, and then only the days
// and durations (PublicTimes), never a note: notes may be internal.

// TimeNoteMax bounds an entry's note: what was done, not a report.
const TimeNoteMax = 500

// TimeMaxMinutes bounds one entry: a day's work. More is a typing error (900 for 90).
const TimeMaxMinutes = 24 * 60

// TimeDateLayout is how an entry's day is stored and typed (<input type="date">).
const TimeDateLayout = "2006-01-02"

// Errors of time entries; the web layer maps them to messages.
var (
	// ErrTimeNotYours: an agent tried to change or delete a colleague's entry.
	ErrTimeNotYours = errors.New("ticket: only its author or an admin may change a time entry")
	// ErrTimeInvalid: a duration, day or note out of bounds reached the data layer.
	ErrTimeInvalid = errors.New("ticket: invalid time entry")
)

// TimeEntry is time a staff member spent on a ticket.
type TimeEntry struct {
	ID        int64
	TicketID  int64
	CompanyID int64
	StaffID   int64
	StaffName string
	MessageID int64  // the reply or note it was logged with; 0 for time without one
	Date      string // the day of the work in the tenant's zone (TimeDateLayout)
	Minutes   int
	Billable  bool
	Note      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Day is the entry's day as a calendar date (midnight UTC, to format with a nil zone).
func (e TimeEntry) Day() time.Time {
	d, _ := time.Parse(TimeDateLayout, e.Date)
	return d
}

// EditableBy reports whether staff member staffID (an admin when admin) may change or
// delete the entry: their own, or any for an admin.
func (e TimeEntry) EditableBy(staffID int64, admin bool) bool { return admin || e.StaffID == staffID }

// TimeInput is what staff type for an entry.
type TimeInput struct {
	Date      string // TimeDateLayout
	Minutes   int
	Billable  bool
	Note      string
	MessageID int64 // only when adding
}

func (in TimeInput) valid() error {
	if _, err := time.Parse(TimeDateLayout, in.Date); err != nil {
		return fmt.Errorf("%w: day %q", ErrTimeInvalid, in.Date)
	}
	if in.Minutes < 1 || in.Minutes > TimeMaxMinutes || utf8.RuneCountInString(in.Note) > TimeNoteMax {
		return fmt.Errorf("%w: %d minutes", ErrTimeInvalid, in.Minutes)
	}
	return nil
}

// unlocked checks that staff may still change t's time entries, subject, opener and
// followers: not billed (the work is invoiced), not merged (its conversation, entries
// and people live in the target now).
func unlocked(t Ticket) error {
	switch {
	case t.Billed:
		return ErrBilled
	case t.MergedInto > 0:
		return ErrMerged
	}
	return nil
}

// AddTime records time staff member staffID spent on t and returns the entry's id.
func AddTime(ctx context.Context, tx db.Querier, t Ticket, staffID int64, in TimeInput, now time.Time) (int64, error) {
	if err := unlocked(t); err != nil {
		return 0, err
	}
	if err := in.valid(); err != nil {
		return 0, err
	}
	id, err := db.Insert(ctx, tx, `INSERT INTO ticket_time (tenant_id, ticket_id, company_id, staff_id, message_id, work_date,
		minutes, billable, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.TenantID, t.ID, t.CompanyID, staffID, nullID(in.MessageID), in.Date, in.Minutes, in.Billable, in.Note,
		now.Unix(), now.Unix())
	if err != nil {
		return 0, fmt.Errorf("ticket: add time: %w", err)
	}
	return id, nil
}

// TimeEntryOf reads entry id of the tenant's ticket ticketID; another tenant's or
// ticket's entry is db.ErrNotFound.
func TimeEntryOf(ctx context.Context, q db.Querier, tenantID, ticketID, id int64) (TimeEntry, error) {
	rows, err := timeEntries(ctx, q, `e.tenant_id = ? AND e.ticket_id = ? AND e.id = ?`, tenantID, ticketID, id)
	if err != nil {
		return TimeEntry{}, err
	}
	if len(rows) == 0 {
		return TimeEntry{}, fmt.Errorf("ticket: time entry: %w", db.ErrNotFound)
	}
	return rows[0], nil
}

// UpdateTime changes entry e of t to in, as staff member staffID (admin: an admin).
func UpdateTime(ctx context.Context, tx db.Querier, t Ticket, e TimeEntry, staffID int64, admin bool, in TimeInput, now time.Time) error {
	if err := timeChangeable(t, e, staffID, admin); err != nil {
		return err
	}
	if err := in.valid(); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE ticket_time SET work_date = ?, minutes = ?, billable = ?, note = ?, updated_at = ?
		WHERE tenant_id = ? AND ticket_id = ? AND id = ?`, in.Date, in.Minutes, in.Billable, in.Note, now.Unix(),
		t.TenantID, t.ID, e.ID)
	if err != nil {
		return fmt.Errorf("ticket: update time: %w", err)
	}
	return nil
}

// DeleteTime removes entry e of t, as staff member staffID (admin: an admin).
func DeleteTime(ctx context.Context, tx db.Querier, t Ticket, e TimeEntry, staffID int64, admin bool) error {
	if err := timeChangeable(t, e, staffID, admin); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM ticket_time WHERE tenant_id = ? AND ticket_id = ? AND id = ?`,
		t.TenantID, t.ID, e.ID); err != nil {
		return fmt.Errorf("ticket: delete time: %w", err)
	}
	return nil
}

func timeChangeable(t Ticket, e TimeEntry, staffID int64, admin bool) error {
	if e.TicketID != t.ID {
		return fmt.Errorf("ticket: time entry of another ticket: %w", db.ErrNotFound)
	}
	if err := unlocked(t); err != nil {
		return err
	}
	if !e.EditableBy(staffID, admin) {
		return ErrTimeNotYours
	}
	return nil
}
