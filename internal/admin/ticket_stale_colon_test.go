package admin

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// TestStaleNoteFrenchColon: the lines that list what others changed on a ticket meanwhile
// join time and change with the reader's colon; ": " in code wrote "… CET: Erika a
// fermé le ticket" on a French page.
func TestStaleNoteFrenchColon(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("fr"))
	ch := ticket.Changes{Events: []ticket.Event{{Kind: "closed", Actor: "Erika", CreatedAt: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}}}
	n := staleNoteOf(ctx, ch, "status", false)
	if len(n.Items) != 1 || !strings.Contains(n.Items[0], "\u00a0: Erika") || strings.Contains(n.Items[0], " :") {
		t.Errorf("items %q, want the time, a no-break space, a colon and the change", n.Items)
	}
}
