package report

import (
	"net/url"
	"strings"
	"time"

	"pforte/internal/validate"
)

// Query is the period a report was asked for, as the chooser shows it again: a preset
// (?period=last_30) or two dates (?from=2026-03-01&to=2026-03-15, the first and the
// last day). Dates that cannot be used keep what was typed, with a message keyed by
// their field, and Period is zero. The back office's report and the portal's company
// report read it alike.
type Query struct {
	Preset   string // one of Presets; "custom" for dates
	From, To string // the dates as typed, or the preset's first and last day
	Errors   validate.Errors
	Period   Period
}

// QueryOf reads the period from a request's query; dates win over a preset, an
// unknown preset is the default one (a mangled link still shows a report).
func QueryOf(q url.Values, now time.Time, zone *time.Location) Query {
	from, to := strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	if from != "" || to != "" || q.Get("period") == "custom" {
		rq := Query{Preset: "custom", From: typedDate(from), To: typedDate(to)}
		rq.Period, rq.Errors = ParsePeriod(rq.From, rq.To, zone)
		if rq.Errors.Any() {
			rq.Period = Period{}
		}
		return rq
	}
	rq := Query{Preset: q.Get("period"), Errors: validate.Errors{}}
	p, ok := PresetPeriod(rq.Preset, now, zone)
	if !ok {
		rq.Preset = DefaultPreset
		p, _ = PresetPeriod(rq.Preset, now, zone)
	}
	rq.Period, rq.From, rq.To = p, p.First.Format(DateLayout), p.Last.Format(DateLayout)
	return rq
}

// typedDate is a typed date as the form shows it again: without control characters
// and no longer than a date could be.
func typedDate(s string) string { return validate.Truncate(validate.Clean(s), 20) }

// Ok reports whether the period can be counted.
func (q Query) Ok() bool { return !q.Errors.Any() }

// Dates is the period as the query string of a link: its first and last day.
func (q Query) Dates() string { return url.Values{"from": {q.From}, "to": {q.To}}.Encode() }
