package web

import (
	"bytes"
	"context"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/report"
)

// TestReportPeriodSpacedFromZone: the report's days and its time-zone note are two
// phrases; without a space between them a screen reader, a copy or a search read
// "24.11.2026Tage in der Zeitzone …" as one word (the gap on screen is only a margin).
func TestReportPeriodSpacedFromZone(t *testing.T) {
	loc := time.UTC
	p := report.Period{First: time.Date(2026, 10, 26, 0, 0, 0, 0, loc), Last: time.Date(2026, 11, 24, 0, 0, 0, 0, loc), Zone: loc}
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, lang := range i18n.Languages {
		ctx := i18n.With(context.Background(), i18n.For(lang))
		var b bytes.Buffer
		if err := ReportPeriod(p).Render(ctx, &b); err != nil {
			t.Fatal(err)
		}
		text := html.UnescapeString(tags.ReplaceAllString(b.String(), ""))
		zone := i18n.T(ctx, "reports.zone", map[string]any{"Zone": ZoneLabel(ctx, p.Zone, p.Last)})
		i := strings.Index(text, zone)
		if i <= 0 || !strings.ContainsAny(text[i-1:i], " \u00a0") {
			t.Errorf("%s: no space before the zone note: %q", lang, text)
		}
	}
}
