package i18n

import (
	"regexp"
	"testing"
)

// countAfterLabel finds a count that follows a label and its colon ("codes left: 1"),
// the way a message without plural forms can hold any number.
var countAfterLabel = regexp.MustCompile(`:[\x{a0} ]?1\b`)

// TestCountsWithoutPluralAfterLabel: messages that are no plural messages but carry a
// count that is often 1 (the last recovery code, one good rating) name the thing in a
// label before the number, so no language writes "1 codes" or "1 évaluations".
// Thai has no plural forms and keeps the count inside its sentence.
func TestCountsWithoutPluralAfterLabel(t *testing.T) {
	checks := []struct {
		id   string
		data map[string]any
	}{
		{"mail.recovery_used.body", map[string]any{"Left": 1}},
		{"mail.staff_recovery_used.body", map[string]any{"Left": 1}},
		{"ticket_rating.dashboard.counts", map[string]any{"Good": 1, "Rated": 1}},
	}
	for _, lang := range []string{"en", "de", "fr", "da", "nl", "he", "pt", "es"} {
		for _, c := range checks {
			if c.id == "ticket_rating.dashboard.counts" && (lang == "en" || lang == "de" || lang == "nl") {
				continue // "1 good of 1 rated": the adjective has one form for any number
			}
			if got := For(lang).T(c.id, c.data); !countAfterLabel.MatchString(got) {
				t.Errorf("%s %s: the count 1 is not after a label: %q", lang, c.id, got)
			}
		}
	}
}
