package web

import (
	"testing"
	"time"
)

// TestLTR: on a Hebrew page dates, days and file sizes come isolated left to right
// (Unicode's LRI … PDI), so "23.11.2026, 06:49 CET" does not turn into
// "CET 06:49 ,23.11.2026"; German gets them unchanged, and a missing time stays a
// plain dash.
func TestLTR(t *testing.T) {
	at := time.Date(2026, 11, 23, 5, 49, 0, 0, time.UTC)
	he, de := inZone("he", "Europe/Berlin"), inZone("de", "Europe/Berlin")
	for _, c := range []struct{ got, want string }{
		{When(he, at), "\u206623.11.2026, 06:49 CET\u2069"},
		{WhenSeconds(he, at), "\u206623.11.2026, 06:49:00 CET\u2069"},
		{Day(he, at), "\u206623.11.2026\u2069"},
		{FileSize(he, 1536), "\u20661.5\u00a0KB\u2069"},
		{When(de, at), "23.11.2026, 06:49 CET"},
		{FileSize(de, 1536), "1,5\u00a0KB"},
		{When(he, time.Time{}), "–"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
