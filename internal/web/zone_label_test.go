package web

import (
	"context"
	"testing"
	"time"

	"pforte/internal/i18n"
)

// TestZoneLabel: a report names its time zone by city and offset, with summer time.
func TestZoneLabel(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("de"))
	load := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Skip("no zone data:", err)
		}
		return loc
	}
	winter, summer := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC), time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		loc  *time.Location
		at   time.Time
		want string
	}{
		{load("Europe/Berlin"), winter, "Berlin (UTC+1)"},
		{load("Europe/Berlin"), summer, "Berlin (UTC+2)"},
		{load("America/New_York"), winter, "New York (UTC-5)"},
		{load("Asia/Kolkata"), winter, "Kolkata (UTC+5:30)"},
		{time.UTC, winter, "UTC"},
		{time.FixedZone("", 3*3600), winter, "UTC+3"},
	} {
		if got := ZoneLabel(ctx, c.loc, c.at); got != c.want {
			t.Errorf("%s at %s: %q, want %q", c.loc, c.at.Month(), got, c.want)
		}
	}
}
