package web

import (
	"context"
	"strings"
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

// TestFlashInfo: a flash of FlashInfo (or FlashInfoParts) is shown as neutral
// information, neither a success nor an error, in the reader's words.
func TestFlashInfo(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("en"))
	for _, stored := range []string{infoMark + "security.already_on", infoMark + encodeParts([]FlashPart{{ID: "bulk.same", Count: 3}})} {
		var c Chrome
		c.SetFlash(ctx, stored)
		if !c.FlashNotice || c.FlashError || c.Flash == "" || strings.Contains(c.Flash, infoMark) || strings.Contains(c.Flash, "bulk.same") {
			t.Errorf("%q: flash %q notice %v error %v, want information", stored, c.Flash, c.FlashNotice, c.FlashError)
		}
	}
	var c Chrome
	c.SetFlash(ctx, "security.already_on")
	if c.FlashNotice || c.FlashError {
		t.Errorf("a plain flash: notice %v error %v, want a success", c.FlashNotice, c.FlashError)
	}
}
