package web

import (
	"context"
	"testing"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/report"
)

// TestReportBarLabelColon: a bar's tooltip joins its day and count with the language's
// colon; a plain ": " wrote "18/11/2026: 1" on a French page, where the colon takes a
// no-break space before it.
func TestReportBarLabelColon(t *testing.T) {
	day := time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)
	bs := []report.Bucket{{Start: day, End: day.AddDate(0, 0, 1), Days: 1, Opened: 1}}
	for lang, want := range map[string]string{
		"fr": "18/11/2026\u00a0: 1",
		"en": "18/11/2026: 1",
		"de": "18.11.2026: 1",
	} {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		got := reportBars(ctx, bs)
		if len(got) != 1 || got[0].Label != want {
			t.Errorf("%s: %+v, want the label %q", lang, got, want)
		}
	}
}
