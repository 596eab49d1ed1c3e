package web

import (
	"context"
	"math"
	"strconv"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/report"
)

// ReportCount is a number of tickets in the reader's language (1,234 or 1.234).
func ReportCount(ctx context.Context, n int) string {
	return LTR(ctx, i18n.From(ctx).Number(float64(n)))
}

// ReportPercent is a share in whole percent as the reader's language writes it, kept
// together left to right ("80 %" stays one piece inside Hebrew text).
func ReportPercent(ctx context.Context, p int) string {
	return LTR(ctx, i18n.T(ctx, "reports.percent", map[string]any{"Value": i18n.From(ctx).Number(float64(p))}))
}

// ReportShare is n's share of total in whole percent, as text; empty when total is 0.
func ReportShare(ctx context.Context, n, total int) string {
	if total == 0 {
		return ""
	}
	return ReportPercent(ctx, (n*100+total/2)/total)
}

// ReportDuration is a time span for staff: minutes under an hour, hours with one decimal
// under two days, days with one decimal from there. The unit is a word of the reader's
// language, so the text runs in its direction (Hebrew puts the unit left of the number).
func ReportDuration(ctx context.Context, d time.Duration) string {
	l := i18n.From(ctx)
	one := func(v float64) string { return l.Number(math.Round(v*10) / 10) }
	switch {
	case d < time.Hour:
		return i18n.T(ctx, "reports.minutes", map[string]any{"Value": l.Number(math.Round(d.Minutes()))})
	case d < 48*time.Hour:
		return i18n.T(ctx, "reports.hours", map[string]any{"Value": one(d.Hours())})
	}
	return i18n.T(ctx, "reports.days", map[string]any{"Value": one(d.Hours() / 24)})
}

// ReportPeriodText names a period's days ("01/03/2026 – 15/03/2026") in the tenant's zone.
func ReportPeriodText(ctx context.Context, from, to time.Time) string {
	return i18n.T(ctx, "reports.range", map[string]any{"From": Day(ctx, from), "To": Day(ctx, to)})
}

// reportBarLabel names one bar of the chart: its day, or its first and last day.
func reportBarLabel(ctx context.Context, b report.Bucket) string {
	if b.Days == 1 {
		return Day(ctx, b.Start)
	}
	return ReportPeriodText(ctx, b.Start, b.End.AddDate(0, 0, -1))
}

// reportChartWidth is the SVG's width in its own units: every bar is ten wide.
func reportChartWidth(bs []report.Bucket) string { return strconv.Itoa(len(bs) * 10) }

// reportBar is one bar of the chart in the SVG's units (every bar ten wide, the
// tallest 100 high) with its label for the tooltip ("18/11/2026 : 3"; the colon is
// the language's, French puts a no-break space before it).
type reportBar struct {
	X, Y, Height string
	Label        string
}

// reportBars draws the buckets that have tickets; a bar is at least 1 high so a
// quiet day never vanishes next to a busy one.
func reportBars(ctx context.Context, bs []report.Bucket) []reportBar {
	most := reportMostOpened(bs)
	var out []reportBar
	for i, b := range bs {
		if b.Opened == 0 {
			continue
		}
		h := max(1, b.Opened*100/most)
		out = append(out, reportBar{X: strconv.Itoa(i*10 + 1), Y: strconv.Itoa(100 - h), Height: strconv.Itoa(h),
			Label: i18n.T(ctx, "qafix.label_colon", map[string]any{"Label": reportBarLabel(ctx, b)}) + " " + ReportCount(ctx, b.Opened)})
	}
	return out
}

// reportMostOpened is the tallest bar's count.
func reportMostOpened(bs []report.Bucket) int {
	most := 0
	for _, b := range bs {
		most = max(most, b.Opened)
	}
	return most
}
