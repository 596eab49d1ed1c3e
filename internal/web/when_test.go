package web

import (
	"context"
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
