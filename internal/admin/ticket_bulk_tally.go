package admin

import (
	"errors"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// bulkSkips are the reasons a ticket is left out of a bulk change, in the order the
// flash names them: the rule's error and the message that counts such tickets.
var bulkSkips = []struct {
	err error
	msg string
}{
	{ticket.ErrBilled, "bulk.skipped_billed"},
	{ticket.ErrMerged, "bulk.skipped_merged"},
	{ticket.ErrStatusInactive, "bulk.skipped_status_inactive"},
	{ticket.ErrUndecided, "qa2_desk.bulk_skipped_undecided"},
	{ticket.ErrAssigneeInvited, "tback_fix.bulk.skipped_assignee_invited"}, // before ErrAssigneeInactive, which it is too
	{ticket.ErrAssigneeInactive, "bulk.skipped_assignee_inactive"},
	{db.ErrNotFound, "bulk.skipped_not_found"}, // unknown, or another tenant's: the same to us
}

// bulkTally counts what a bulk change did to its tickets.
type bulkTally struct {
	changed, same int
	skipped       map[string]int // by message id of bulkSkips
	stopped       bool           // an unexpected error ended the run early
	// done counts the changed tickets in the flash; "bulk.changed" when empty.
	done string
}

// add counts one ticket's outcome and reports whether err was a rule that refused
// (or no error at all); any other error is the caller's to log.
func (b *bulkTally) add(err error, same bool) bool {
	switch {
	case err == nil && same:
		b.same++
		return true
	case err == nil:
		b.changed++
		return true
	}
	for _, s := range bulkSkips {
		if errors.Is(err, s.err) {
			if b.skipped == nil {
				b.skipped = map[string]int{}
			}
			b.skipped[s.msg]++
			return true
		}
	}
	return false
}

// allSame reports whether every ticket had the value already: nothing changed and
// nothing was refused, which the flash shows as information, not as a success.
func (b *bulkTally) allSame() bool {
	return b.same > 0 && b.changed == 0 && len(b.skipped) == 0 && !b.stopped
}

// parts is the flash: what changed, what already was so, each reason for skipping
// with its count. It leads with an error when the run stopped, or when tickets were
// skipped and none changed.
func (b *bulkTally) parts() []web.FlashPart {
	var out []web.FlashPart
	switch {
	case b.stopped:
		out = append(out, web.FlashPart{ID: "bulk.stopped_failed"})
	case b.changed == 0 && len(b.skipped) > 0:
		out = append(out, web.FlashPart{ID: "bulk.nothing_failed"})
	}
	if b.changed > 0 {
		done := b.done
		if done == "" {
			done = "bulk.changed"
		}
		out = append(out, web.FlashPart{ID: done, Count: b.changed})
	}
	if b.same > 0 {
		out = append(out, web.FlashPart{ID: "bulk.same", Count: b.same})
	}
	for _, s := range bulkSkips {
		if n := b.skipped[s.msg]; n > 0 {
			out = append(out, web.FlashPart{ID: s.msg, Count: n})
		}
	}
	return out
}
