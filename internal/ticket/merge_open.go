package ticket

import (
	"context"
	"strconv"
	"time"

	"pforte/internal/db"
)

// EventMergePriority is the target's history entry of a merge that raised its
// priority to the source's (Note: the priority it took). Staff only, like
// priorities themselves.
const EventMergePriority = "merge_priority"

// MergeReopens reports whether merging source into target reopens the target: the
// source is still open (or waiting for the customer) and the target is resolved or
// closed, where the source's problem would be buried otherwise.
func MergeReopens(source, target Ticket) bool { return !source.Done() && target.Done() }

// mergeOpen keeps the source's open problem open in the target: a finished target is
// reopened (to the status Reopen uses; the history entry names the source) and takes
// the source's priority when that is higher.
func mergeOpen(ctx context.Context, tx db.Querier, source, target Ticket, a Actor, now time.Time) error {
	note := strconv.FormatInt(source.ID, 10)
	if MergeReopens(source, target) {
		st, err := StatusByCode(ctx, tx, target.TenantID, reopenCode(target))
		if err != nil {
			return err
		}
		if err := setStatus(ctx, tx, target, st, "reopened", a, note, now); err != nil {
			return err
		}
	}
	if source.Priority <= target.Priority {
		return nil
	}
	if err := SetDetails(ctx, tx, target, source.Priority, target.CategoryID, a, now); err != nil {
		return err
	}
	return addEvent(ctx, tx, target.TenantID, target.ID, Event{Kind: EventMergePriority, Actor: a.Name,
		Note: PriorityName(source.Priority)}, a.ContactID, a.StaffID, now)
}
