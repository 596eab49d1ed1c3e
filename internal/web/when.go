package web

import (
	"context"
	"time"

	"pforte/internal/i18n"
)

// Zone is the time zone pages show instants in: the request's tenant's (see
// tenant.Tenant.Location), UTC outside a request. This is the one place to change
// should contacts or staff get a zone of their own.
func Zone(ctx context.Context) *time.Location { return TenantFrom(ctx).Location() }

// When formats an instant for a page in the reader's language and zone, to the minute,
// with the zone's abbreviation ("22.11.2026, 14:05 CET") so nobody has to guess which
// clock it is, isolated left to right on right-to-left pages (LTR); a zero time is a
// dash.
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
	return LTR(ctx, s+" "+t.In(zone).Format("MST"))
}

// Day formats the calendar day of an instant in the reader's language and zone: a
// ticket written at 23:30 UTC on 31 December was written on 1 January in Berlin.
func Day(ctx context.Context, t time.Time) string { return LTR(ctx, i18n.From(ctx).Date(t, Zone(ctx))) }

// Machine is an instant for a <time datetime> attribute (RFC 3339, UTC).
func Machine(t time.Time) string { return t.UTC().Format(time.RFC3339) }
