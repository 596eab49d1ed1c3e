package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/tenant"
)

// inZone is a request context of a tenant in zone, read in lang.
func inZone(lang, zone string) context.Context {
	ctx := WithTenant(context.Background(), tenant.Tenant{ID: 1, TimeZone: zone})
	return i18n.With(ctx, i18n.For(lang))
}

// TestWhen: the same instant reads differently for a tenant in Berlin and one in New
// York, each with its zone's abbreviation, and in UTC outside a request.
func TestWhen(t *testing.T) {
	at := time.Date(2026, 11, 22, 14, 5, 9, 0, time.FixedZone("CET", 3600)) // 13:05:09 UTC
	for _, c := range []struct {
		lang, zone, when, seconds string
	}{
		{"de", "Europe/Berlin", "22.11.2026, 14:05 CET", "22.11.2026, 14:05:09 CET"},
		{"en", "Europe/Berlin", "22/11/2026, 14:05 CET", "22/11/2026, 14:05:09 CET"},
		{"de", "America/New_York", "22.11.2026, 08:05 EST", "22.11.2026, 08:05:09 EST"},
		{"en", "America/New_York", "22/11/2026, 08:05 EST", "22/11/2026, 08:05:09 EST"},
		{"de", "UTC", "22.11.2026, 13:05 UTC", "22.11.2026, 13:05:09 UTC"},
	} {
		ctx := inZone(c.lang, c.zone)
		if got := When(ctx, at); got != c.when {
			t.Errorf("%s %s: When = %q, want %q", c.lang, c.zone, got, c.when)
		}
		if got := WhenSeconds(ctx, at); got != c.seconds {
			t.Errorf("%s %s: WhenSeconds = %q, want %q", c.lang, c.zone, got, c.seconds)
		}
	}
	// Summer time has its own abbreviation.
	if got := When(inZone("de", "Europe/Berlin"), time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)); got != "01.07.2026, 12:00 CEST" {
		t.Errorf("summer = %q", got)
	}
	if got := When(i18n.With(context.Background(), i18n.For("de")), at); got != "22.11.2026, 13:05 UTC" {
		t.Errorf("outside a request = %q, want UTC", got)
	}
	if got := When(context.Background(), time.Time{}); got != "–" {
		t.Errorf("zero time = %q, want a dash", got)
	}
	if got := Machine(at); got != "2026-11-22T13:05:09Z" {
		t.Errorf("Machine = %q", got)
	}
}

// TestDay: a date alone is the day in the tenant's zone, the same day When shows —
// a ticket written at 23:30 UTC on New Year's Eve was written on 1 January in Berlin.
func TestDay(t *testing.T) {
	eve := time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)
	berlin, newYork := inZone("de", "Europe/Berlin"), inZone("de", "America/New_York")
	if got := Day(berlin, eve); got != "01.01.2027" {
		t.Errorf("Berlin: %q, want 01.01.2027", got)
	}
	if got := When(berlin, eve); !strings.HasPrefix(got, "01.01.2027, 00:30") {
		t.Errorf("Berlin When: %q", got)
	}
	if got := Day(newYork, eve); got != "31.12.2026" {
		t.Errorf("New York: %q, want 31.12.2026", got)
	}
}

// TestWhenInMessages: When already names the zone, so a message that wraps it must not
// name it again ("am 22.11.2026, 23:49 CET CET").
func TestWhenInMessages(t *testing.T) {
	at := time.Date(2026, 11, 22, 23, 49, 0, 0, time.UTC)
	for _, lang := range i18n.Languages {
		ctx := inZone(lang, "Europe/Berlin")
		for _, id := range []string{"inbox.handled_by", "inbox.handled_by_contact"} {
			got := i18n.T(ctx, id, map[string]any{"Name": "Anna", "At": When(ctx, at)})
			if strings.Count(got, "CET") != 1 || strings.Contains(got, "UTC") || !strings.Contains(got, "Anna") {
				t.Errorf("%s %s: %q", lang, id, got)
			}
		}
	}
}
