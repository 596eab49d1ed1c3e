package ticket

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"pforte/internal/db"
)

// Follow-ups ("Wiedervorlage"): staff note on a ticket when to look at it again, and
// what to check. A follow-up belongs to the ticket's assignee, or, while nobody is
// assigned, to whoever set it; when it falls due the automation sweep mails its owner
// once (followup_sweep.go) and the queue marks the ticket until staff clear the
// follow-up or set another. Contacts never see follow-ups: no portal query reads the
// columns, and their history entries are staff-only (staffOnlyEvent).

// History kinds of follow-ups; the note of EventFollowUp is the moment (Unix seconds)
// and, after a space, the note staff wrote (FollowUpEventNote).
const (
	EventFollowUp        = "followup"
	EventFollowUpCleared = "followup_cleared"
)

// FollowUpNoteMax bounds a follow-up's note: a reminder of what to check, not a text.
const FollowUpNoteMax = 200

// Errors of follow-ups; the web layer maps them to messages.
var (
	// ErrFollowUpPast: the moment asked for has passed already.
	ErrFollowUpPast = errors.New("ticket: the follow-up lies in the past")
)

// FollowUp is a ticket's follow-up as the back office shows it.
type FollowUp struct {
	At   time.Time // zero: none
	Note string
	// Owner is who the follow-up belongs to: the assignee, or the staff member who set
	// it while nobody is assigned (0: none of them, e.g. set by an API script).
	OwnerID   int64
	OwnerName string
	SetByName string
	// Mailed: the owner was told it is due (or it fell due while nobody could be).
	Mailed bool
}

// Due reports whether the follow-up is set and its moment is not after now.
func (f FollowUp) Due(now time.Time) bool { return !f.At.IsZero() && !f.At.After(now) }

// FollowUpOf reads the follow-up of the tenant's ticket id (zero At for none).
func FollowUpOf(ctx context.Context, q db.Querier, tenantID, id int64) (FollowUp, error) {
	var f FollowUp
	var at, mail int64
	err := q.QueryRow(ctx, `SELECT COALESCE(t.followup_at, 0), t.followup_note, COALESCE(t.followup_mail_at, 0),
		COALESCE(o.id, 0), COALESCE(o.name, ''), COALESCE(b.name, '')
		FROM tickets t LEFT JOIN staff o ON o.id = COALESCE(t.assignee_id, t.followup_by) AND o.tenant_id = t.tenant_id
		LEFT JOIN staff b ON b.id = t.followup_by AND b.tenant_id = t.tenant_id
		WHERE t.tenant_id = ? AND t.id = ?`, tenantID, id).Scan(&at, &f.Note, &mail, &f.OwnerID, &f.OwnerName, &f.SetByName)
	if err != nil {
		return f, fmt.Errorf("ticket: follow-up: %w", db.One(err))
	}
	if at == 0 {
		return FollowUp{}, nil
	}
	f.At, f.Mailed = time.Unix(at, 0), mail == 0
	return f, nil
}

// SetFollowUp gives t a follow-up at at (replacing any), with note, set by staff member
// a; a moment not after now is ErrFollowUpPast, a merged ticket ErrMerged (its
// conversation lives on in the other ticket, which is where to follow it up). The
// history records it. A billed ticket takes one too: it changes nothing billed.
func SetFollowUp(ctx context.Context, tx db.Querier, t Ticket, at time.Time, note string, a Actor, now time.Time) error {
	at = at.Truncate(time.Minute)
	if !at.After(now) {
		return ErrFollowUpPast
	}
	note = strings.TrimSpace(note)
	res, err := tx.Exec(ctx, `UPDATE tickets SET followup_at = ?, followup_mail_at = ?, followup_note = ?, followup_by = ?
		WHERE tenant_id = ? AND id = ? AND merged_into IS NULL`, at.Unix(), at.Unix(), note, nullID(a.StaffID), t.TenantID, t.ID)
	if err != nil {
		return fmt.Errorf("ticket: set follow-up: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrMerged
	}
	return addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: EventFollowUp, Actor: a.Name, Note: FollowUpEventNote(at, note)},
		a.ContactID, a.StaffID, now)
}

// ClearFollowUp removes t's follow-up, due or not; clearing none records nothing.
func ClearFollowUp(ctx context.Context, tx db.Querier, t Ticket, a Actor, now time.Time) error {
	res, err := tx.Exec(ctx, `UPDATE tickets SET followup_at = NULL, followup_mail_at = NULL, followup_note = '', followup_by = NULL
		WHERE tenant_id = ? AND id = ? AND followup_at IS NOT NULL`, t.TenantID, t.ID)
	if err != nil {
		return fmt.Errorf("ticket: clear follow-up: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: EventFollowUpCleared, Actor: a.Name}, a.ContactID, a.StaffID, now)
}

// FollowUpEventNote is the note of an EventFollowUp entry: the moment, and the note
// staff wrote after a space.
func FollowUpEventNote(at time.Time, note string) string {
	s := strconv.FormatInt(at.Unix(), 10)
	if note != "" {
		s += " " + note
	}
	return s
}

// ParseFollowUpEvent reads an EventFollowUp entry's note back (ok false when it is not
// one FollowUpEventNote wrote).
func ParseFollowUpEvent(s string) (at time.Time, note string, ok bool) {
	unix, note, _ := strings.Cut(s, " ")
	n, err := strconv.ParseInt(unix, 10, 64)
	if err != nil {
		return time.Time{}, "", false
	}
	return time.Unix(n, 0), note, true
}

// mergeFollowUp leaves the target of a merge the earlier of the two tickets'
// follow-ups (with its note and who set it, and whether it was mailed) and the source,
// which is closed and merged, none: staff follow the conversation up where it lives.
func mergeFollowUp(ctx context.Context, tx db.Querier, tenantID, sourceID, targetID int64) error {
	_, err := tx.Exec(ctx, `UPDATE tickets SET followup_at = s.followup_at, followup_mail_at = s.followup_mail_at,
		followup_note = s.followup_note, followup_by = s.followup_by
		FROM (SELECT followup_at, followup_mail_at, followup_note, followup_by FROM tickets WHERE tenant_id = ? AND id = ?) s
		WHERE tickets.tenant_id = ? AND tickets.id = ? AND s.followup_at IS NOT NULL
		AND (tickets.followup_at IS NULL OR s.followup_at < tickets.followup_at)`, tenantID, sourceID, tenantID, targetID)
	if err != nil {
		return fmt.Errorf("ticket: merge follow-up: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE tickets SET followup_at = NULL, followup_mail_at = NULL, followup_note = '', followup_by = NULL
		WHERE tenant_id = ? AND id = ? AND followup_at IS NOT NULL`, tenantID, sourceID); err != nil {
		return fmt.Errorf("ticket: merge follow-up: %w", err)
	}
	return nil
}
