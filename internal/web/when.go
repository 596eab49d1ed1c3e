package web

import (
	"context"
	"time"

	"pforte/internal/i18n"
)

// Zone is the time zone pages show instants in. It is UTC for everybody until tenants
// or contacts get a zone setting; this is the one place to change then.
func Zone(ctx context.Context) *time.Location { return time.UTC }

// When formats an instant for a page in the reader's language and zone, to the minute,
// with the zone's name ("22.11.2026, 14:05 UTC"); a zero time is a dash.
func When(ctx context.Context, t time.Time) string { return when(ctx, t, false) }

// WhenSeconds is When to the second, for logs whose entries must line up.
func WhenSeconds(ctx context.Context, t time.Time) string { return when(ctx, t, true) }

func when(ctx context.Context, t time.Time, seconds bool) string {
	l, zone := i18n.From(ctx), Zone(ctx)
	if t.IsZero() {
		return l.DateTime(t, zone) // the dash
	}
	s := l.DateTime(t, zone)
	if seconds {
		s = l.DateTimeSeconds(t, zone)
	}
	return s + " " + t.In(zone).Format("MST")
}

// Machine is an instant for a <time datetime> attribute (RFC 3339, UTC).
func Machine(t time.Time) string { return t.UTC().Format(time.RFC3339) }
