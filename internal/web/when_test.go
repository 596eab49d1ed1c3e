package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/i18n"
)

func TestWhen(t *testing.T) {
	at := time.Date(2026, 11, 22, 14, 5, 9, 0, time.FixedZone("CET", 3600)) // 13:05:09 UTC
	for lang, want := range map[string][2]string{
		"de": {"22.11.2026, 13:05 UTC", "22.11.2026, 13:05:09 UTC"},
		"en": {"22/11/2026, 13:05 UTC", "22/11/2026, 13:05:09 UTC"},
	} {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		if got := When(ctx, at); got != want[0] {
			t.Errorf("%s: When = %q, want %q", lang, got, want[0])
		}
		if got := WhenSeconds(ctx, at); got != want[1] {
			t.Errorf("%s: WhenSeconds = %q, want %q", lang, got, want[1])
		}
	}
	if got := When(context.Background(), time.Time{}); got != "–" {
		t.Errorf("zero time = %q, want a dash", got)
	}
	if got := Machine(at); got != "2026-11-22T13:05:09Z" {
		t.Errorf("Machine = %q", got)
	}
}

// TestWhenInMessages: When already names the zone, so a message that wraps it must not
// name it again ("am 22.11.2026, 23:49 UTC UTC").
func TestWhenInMessages(t *testing.T) {
	at := time.Date(2026, 11, 22, 23, 49, 0, 0, time.UTC)
	for _, lang := range i18n.Languages {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		for _, id := range []string{"inbox.handled_by", "inbox.handled_by_contact"} {
			got := i18n.T(ctx, id, map[string]any{"Name": "Anna", "At": When(ctx, at)})
			if strings.Count(got, "UTC") != 1 || !strings.Contains(got, "Anna") {
				t.Errorf("%s %s: %q", lang, id, got)
			}
		}
	}
}
