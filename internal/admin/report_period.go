package admin

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"pforte/internal/report"
	"pforte/internal/validate"
)

// reportQuery is the period a report was asked for, as the chooser shows it again:
// a preset (?period=last_30) or two dates (?from=2026-03-01&to=2026-03-15, the first
// and the last day). Dates that cannot be used keep what was typed, with a message
// next to their field, and Period is zero.
type reportQuery struct {
	Preset   string // one of report.Presets; "custom" for dates
	From, To string // the dates as typed, or the preset's first and last day
	Errors   validate.Errors
	Period   report.Period
}

// reportQueryOf reads the period; dates win over a preset, an unknown preset is the
// default one (a mangled link still shows a report).
func reportQueryOf(r *http.Request, now time.Time, zone *time.Location) reportQuery {
	q := r.URL.Query()
	from, to := strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	if from != "" || to != "" || q.Get("period") == "custom" {
		rq := reportQuery{Preset: "custom", From: typedDate(from), To: typedDate(to)}
		rq.Period, rq.Errors = report.ParsePeriod(rq.From, rq.To, zone)
		if rq.Errors.Any() {
			rq.Period = report.Period{}
		}
		return rq
	}
	rq := reportQuery{Preset: q.Get("period"), Errors: validate.Errors{}}
	p, ok := report.PresetPeriod(rq.Preset, now, zone)
	if !ok {
		rq.Preset = report.DefaultPreset
		p, _ = report.PresetPeriod(rq.Preset, now, zone)
	}
	rq.Period, rq.From, rq.To = p, p.First.Format(report.DateLayout), p.Last.Format(report.DateLayout)
	return rq
}

// typedDate is a typed date as the form shows it again: without control characters
// and no longer than a date could be.
func typedDate(s string) string { return validate.Truncate(validate.Clean(s), 20) }

// Ok reports whether the period can be counted.
func (rq reportQuery) Ok() bool { return !rq.Errors.Any() }

// csvPath is the address of the period's CSV export.
func (rq reportQuery) csvPath() string {
	return "/admin/reports/tickets.csv?" + url.Values{"from": {rq.From}, "to": {rq.To}}.Encode()
}

// presetPath is the report of a preset period.
func presetPath(name string) string { return "/admin/reports?period=" + url.QueryEscape(name) }
