package web

import (
	"context"
	"testing"

	"pforte/internal/i18n"
)

// TestFlashText: a stored flash of one id reads as before; parts of FlashParts are
// translated one by one with their counts (plural forms) and joined; the first part
// decides whether it is an error; a count that is no number shows the plain message.
func TestFlashText(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("en"))
	for _, c := range []struct {
		stored, want string
		isErr        bool
	}{
		{"bulk.nothing_failed", "No ticket was changed.", true},
		{"bulk.changed:1,bulk.skipped_billed:2", "1 ticket changed. 2 skipped (billed).", false},
		{"bulk.stopped_failed,bulk.changed:12", "An error interrupted the change; the remaining tickets were not changed. Please try again. 12 tickets changed.", true},
		{"bulk.nothing_failed:x", "No ticket was changed.", true},
	} {
		if got, isErr := flashText(ctx, c.stored); got != c.want || isErr != c.isErr {
			t.Errorf("%q: %q (error %v), want %q (error %v)", c.stored, got, isErr, c.want, c.isErr)
		}
	}
}
