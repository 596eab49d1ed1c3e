package admin

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/i18n"
	"pforte/internal/outbox"
)

// TestOutboxStateChoicesTranslated renders the state filter in every language: its
// labels are keys built at run time from outbox.FilterStates, which the locale checker
// cannot see, so a state added without its key showed the raw key in the select.
func TestOutboxStateChoicesTranslated(t *testing.T) {
	for _, lang := range i18n.Languages {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		choices := outboxStateChoices(ctx)
		if len(choices) != len(outbox.FilterStates)+1 {
			t.Fatalf("%s: %d choices for %d states", lang, len(choices), len(outbox.FilterStates))
		}
		for _, c := range choices {
			if c.Label == "" || strings.HasPrefix(c.Label, "admin.") {
				t.Errorf("%s: state %q shows %q", lang, c.Value, c.Label)
			}
		}
	}
}
