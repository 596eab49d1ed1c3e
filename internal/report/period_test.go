package report_test

import (
	"testing"
	"time"

	"pforte/internal/report"
)

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		from, to string
		errs     map[string]string // field → message id
		days     int
	}{
		{"2026-03-01", "2026-03-15", nil, 15},
		{"2026-03-15", "2026-03-15", nil, 1},
		{"2024-01-01", "2024-12-31", nil, 366}, // a leap year is the longest period
		{"2025-01-01", "2026-01-01", nil, 366},
		{"2025-01-01", "2026-01-02", map[string]string{"to": "reports.error.span"}, 0},
		{"2026-03-15", "2026-03-01", map[string]string{"to": "reports.error.order"}, 0},
		{"", "2026-03-01", map[string]string{"from": "error.required"}, 0},
		{"2026-02-30", "x", map[string]string{"from": "reports.error.date", "to": "reports.error.date"}, 0},
		{"0202-01-01", "20266-01-01", map[string]string{"from": "qafix.reports.year_range", "to": "reports.error.date"}, 0},
		{"1900-01-01", "2026-11-23", map[string]string{"from": "qafix.reports.year_range"}, 0}, // well written, out of range
		{"2026-01-01", "3000-01-01", map[string]string{"to": "qafix.reports.year_range"}, 0},
		{"1999-12-31", "2999-12-31", map[string]string{"from": "qafix.reports.year_range"}, 0},
		{"2000-01-01", "2000-01-01", nil, 1},
		{"2999-12-31", "2999-12-31", nil, 1},
		{"1.3.2026", "2026-03-01", map[string]string{"from": "reports.error.date"}, 0},
	} {
		p, errs := report.ParsePeriod(c.from, c.to, berlin)
		if len(errs) != len(c.errs) {
			t.Errorf("%q–%q: errors %v, want %v", c.from, c.to, errs, c.errs)
			continue
		}
		for f, id := range c.errs {
			if errs[f].ID != id {
				t.Errorf("%q–%q: %s: %q, want %q", c.from, c.to, f, errs[f].ID, id)
			}
		}
		if c.errs == nil && p.Days() != c.days {
			t.Errorf("%q–%q: %d days, want %d", c.from, c.to, p.Days(), c.days)
		}
	}
}

func TestPresetPeriod(t *testing.T) {
	now := time.Date(2026, time.January, 10, 0, 30, 0, 0, berlin) // 23:30 UTC the day before
	for _, c := range []struct {
		name        string
		first, last string
	}{
		{"last_7", "2026-01-04", "2026-01-10"},
		{"last_30", "2025-12-12", "2026-01-10"},
		{"last_90", "2025-10-13", "2026-01-10"},
		{"this_month", "2026-01-01", "2026-01-10"},
		{"last_month", "2025-12-01", "2025-12-31"},
		{"this_year", "2026-01-01", "2026-01-10"},
	} {
		p, ok := report.PresetPeriod(c.name, now.UTC(), berlin)
		if !ok || p.First.Format(report.DateLayout) != c.first || p.Last.Format(report.DateLayout) != c.last {
			t.Errorf("%s: %s–%s, want %s–%s", c.name, p.First, p.Last, c.first, c.last)
		}
	}
	if _, ok := report.PresetPeriod("custom", now, berlin); ok {
		t.Error("custom is no preset")
	}
}

// TestBucketsDaylightSaving: the day clocks go forward has 23 hours, and every bar
// starts at local midnight.
func TestBucketsDaylightSaving(t *testing.T) {
	p, _ := report.ParsePeriod("2026-03-28", "2026-03-30", berlin)
	bs := p.Buckets()
	if len(bs) != 3 || bs[1].End.Sub(bs[1].Start) != 23*time.Hour || bs[2].Start.Hour() != 0 || !p.To().Equal(bs[2].End) {
		t.Errorf("buckets %v", bs)
	}
}
