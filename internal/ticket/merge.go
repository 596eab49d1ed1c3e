package ticket

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"pforte/internal/db"
)

// ErrMergeSame: staff named the ticket itself as the one to merge it into.
var ErrMergeSame = errors.New("ticket: a ticket cannot be merged into itself")

// MergeTarget finds the ticket staff want to merge source into and checks the rules:
// a ticket of the same tenant and company (anything else is db.ErrNotFound, as for a
// number that does not exist, so the answer tells nothing of other customers), not
// the source itself (ErrMergeSame), neither of them merged already (ErrMerged) or
// billed (ErrBilled: billed tickets cannot be changed).
func MergeTarget(ctx context.Context, q db.Querier, source Ticket, targetID int64) (Ticket, error) {
	target, err := ForStaff(ctx, q, source.TenantID, targetID)
	if err != nil {
		return Ticket{}, err
	}
	if target.CompanyID != source.CompanyID {
		return Ticket{}, fmt.Errorf("ticket: merge target of another company: %w", db.ErrNotFound)
	}
	return target, mergeAllowed(source, target)
}

func mergeAllowed(source, target Ticket) error {
	switch {
	case source.ID == target.ID:
		return ErrMergeSame
	case source.MergedInto > 0 || target.MergedInto > 0:
		return ErrMerged
	case source.Billed || target.Billed:
		return ErrBilled
	}
	return nil
}

// Merge moves source's conversation (internal notes stay internal), its files, its
// time entries and its people into target, in the caller's transaction: the messages
// keep their time and fall into place in the target's conversation (conversation
// orders by time); the source's opener and followers follow the target, so they see it
// in the portal and hear of it. The source is closed and remembers the target (merged_into): its page
// points there and answers to its mails land there. Its followers stay on it too, so
// the links in mails they already have keep working. Both histories tell the merge;
// the target's search text takes the source's title, so a search for the customer's
// other wording finds the ticket that holds the conversation.
//
// An open source does not get buried in a finished target: the target reopens and
// takes the higher priority of the two (mergeOpen).
//
// Both rows are changed only while neither is merged or billed: of two merges racing
// the other way round (A into B, B into A) one fails with ErrMerged instead of leaving
// a cycle.
func Merge(ctx context.Context, tx db.Querier, source, target Ticket, a Actor, now time.Time) error {
	if err := mergeAllowed(source, target); err != nil {
		return err
	}
	if source.TenantID != target.TenantID || source.CompanyID != target.CompanyID {
		return fmt.Errorf("ticket: merge across companies: %w", db.ErrNotFound)
	}
	// On PostgreSQL both rows are locked in id order first: two merges the other way
	// round would otherwise each lock their source and wait for the other's (a
	// deadlock). SQLite's single writer already runs them one after the other.
	if tx.Engine() == db.Postgres {
		if _, err := tx.Exec(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND id IN (?, ?) ORDER BY id FOR UPDATE`,
			source.TenantID, source.ID, target.ID); err != nil {
			return fmt.Errorf("ticket: merge lock: %w", err)
		}
	}
	res, err := tx.Exec(ctx, `UPDATE tickets SET merged_into = ? WHERE tenant_id = ? AND id = ? AND company_id = ?
		AND merged_into IS NULL AND NOT billed`, target.ID, source.TenantID, source.ID, target.CompanyID)
	if err := changedOne(res, err); err != nil {
		return err
	}
	res, err = tx.Exec(ctx, `UPDATE tickets SET updated_at = ?, search = search || ' ' || ? WHERE tenant_id = ? AND id = ?
		AND merged_into IS NULL AND NOT billed`, now.Unix(), strings.ToLower(source.Title), target.TenantID, target.ID)
	if err := changedOne(res, err); err != nil {
		return err
	}
	// Time entries go with the messages they were logged with (time_entry.go).
	for _, table := range []string{"ticket_messages", "ticket_attachments", "ticket_time"} {
		if _, err := tx.Exec(ctx, `UPDATE `+table+` SET ticket_id = ? WHERE tenant_id = ? AND ticket_id = ?`,
			target.ID, source.TenantID, source.ID); err != nil {
			return fmt.Errorf("ticket: merge %s: %w", table, err)
		}
	}
	if err := mergeFollowers(ctx, tx, source, target, now); err != nil {
		return err
	}
	if err := mergeClock(ctx, tx, target.TenantID, target.ID, now); err != nil { // the moved messages' first response (sla_clock.go)
		return err
	}
	if err := mergeFollowUp(ctx, tx, source.TenantID, source.ID, target.ID); err != nil { // the earlier follow-up (followup.go)
		return err
	}
	closed, err := StatusByCode(ctx, tx, source.TenantID, CodeClosed)
	if err != nil {
		return err
	}
	if err := setStatus(ctx, tx, source, closed, "merged", a, strconv.FormatInt(target.ID, 10), now); err != nil {
		return err
	}
	if err := addEvent(ctx, tx, target.TenantID, target.ID, Event{Kind: "merged_from", Actor: a.Name,
		Note: strconv.FormatInt(source.ID, 10)}, a.ContactID, a.StaffID, now); err != nil {
		return err
	}
	return mergeOpen(ctx, tx, source, target, a, now) // merge_open.go
}

// changedOne turns an update that found no row (a merge or billing mark that came
// first) into ErrMerged.
func changedOne(res sql.Result, err error) error {
	if err != nil {
		return fmt.Errorf("ticket: merge: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrMerged
	}
	return nil
}

// mergeFollowers makes the source's opener and followers followers of the target,
// unless they opened it or follow it already. They are taken as they are: the opener
// of a ticket that came by mail may have no portal login and still hears of it.
func mergeFollowers(ctx context.Context, tx db.Querier, source, target Ticket, now time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO ticket_followers (ticket_id, contact_id, tenant_id, created_at)
		SELECT CAST(? AS BIGINT), p.contact_id, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM (
			SELECT contact_id FROM tickets WHERE tenant_id = ? AND id = ? AND contact_id IS NOT NULL
			UNION SELECT contact_id FROM ticket_followers WHERE tenant_id = ? AND ticket_id = ?) p
		WHERE p.contact_id <> ? AND NOT EXISTS (SELECT 1 FROM ticket_followers g WHERE g.ticket_id = ? AND g.contact_id = p.contact_id)`,
		target.ID, target.TenantID, now.Unix(), source.TenantID, source.ID, source.TenantID, source.ID,
		target.ContactID, target.ID)
	if err != nil {
		return fmt.Errorf("ticket: merge followers: %w", err)
	}
	return nil
}

// maxMergeHops bounds Current's walk; Merge never makes a cycle, so only a chain of
// tickets merged one into the next, each later, can be long.
const maxMergeHops = 100

// Current is the ticket that holds t's conversation now: t itself, or the ticket it was
// merged into (and on, when that one was merged later too). Mail that answers t lands
// there.
func Current(ctx context.Context, q db.Querier, t Ticket) (Ticket, error) {
	for hops := 0; t.MergedInto > 0; hops++ {
		if hops == maxMergeHops {
			return t, fmt.Errorf("ticket: %d: merged more than %d times over", t.ID, maxMergeHops)
		}
		next, err := ForStaff(ctx, q, t.TenantID, t.MergedInto)
		if err != nil {
			return t, err
		}
		t = next
	}
	return t, nil
}
