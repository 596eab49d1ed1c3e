package report

import (
	"strconv"
	"time"

	"pforte/internal/validate"
)

// MaxDays bounds a period: a year, leap day included. Longer spans are the work of a
// data warehouse, not of a page that answers while staff wait.
const MaxDays = 366

// WeeklyFrom is the length from which the chart shows weeks instead of days: a
// quarter's 92 day bars still fit a page, a year's 366 do not.
const WeeklyFrom = 93

// DateLayout is how dates travel in addresses and forms (<input type="date">).
const DateLayout = "2006-01-02"

// Presets are the periods the chooser offers, in its order; "custom" takes dates.
var Presets = []string{"last_7", "last_30", "last_90", "this_month", "last_month", "this_year", "custom"}

// DefaultPreset is the period shown when none is asked for.
const DefaultPreset = "last_30"

// Period is a span of whole days in the tenant's time zone: from the start of First to
// the start of the day after Last. Days start at local midnight, so a day of a
// daylight-saving change is 23 or 25 hours long.
type Period struct {
	First, Last time.Time // local midnights of the first and the last day
	Zone        *time.Location
}

// From is the period's first instant.
func (p Period) From() time.Time { return p.First }

// To is the instant after the period: the start of the day after the last.
func (p Period) To() time.Time { return p.Last.AddDate(0, 0, 1) }

// Days is the number of days the period holds.
func (p Period) Days() int { return dayNumber(p.Last) - dayNumber(p.First) + 1 }

// dayNumber counts calendar days since 1970-01-01 for a local date, whatever its zone.
func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// midnight is the start of t's calendar day in zone.
func midnight(t time.Time, zone *time.Location) time.Time {
	y, m, d := t.In(zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, zone)
}

// PresetPeriod is the period a preset names, as seen at now; ok is false for an
// unknown name (and for "custom", which needs dates).
func PresetPeriod(name string, now time.Time, zone *time.Location) (Period, bool) {
	today := midnight(now, zone)
	y, m, _ := today.Date()
	p := Period{Last: today, Zone: zone}
	switch name {
	case "last_7":
		p.First = today.AddDate(0, 0, -6)
	case "last_30":
		p.First = today.AddDate(0, 0, -29)
	case "last_90":
		p.First = today.AddDate(0, 0, -89)
	case "this_month":
		p.First = time.Date(y, m, 1, 0, 0, 0, 0, zone)
	case "last_month":
		p.First = time.Date(y, m-1, 1, 0, 0, 0, 0, zone)
		p.Last = time.Date(y, m, 0, 0, 0, 0, 0, zone) // day 0: the last day of the month before
	case "this_year":
		p.First = time.Date(y, 1, 1, 0, 0, 0, 0, zone)
	default:
		return Period{}, false
	}
	return p, true
}

// ParsePeriod reads a period typed as two dates (the first and the last day,
// DateLayout). Errors are keyed by the fields "from" and "to": a date that is none, a
// missing one, a last day before the first, or more than MaxDays days.
func ParsePeriod(from, to string, zone *time.Location) (Period, validate.Errors) {
	e := validate.Errors{}
	first, badFirst := parseDay(from, zone)
	last, badLast := parseDay(to, zone)
	switch {
	case from == "":
		e.Add("from", "error.required", nil)
	case badFirst != "":
		e.Add("from", badFirst, yearBounds)
	}
	switch {
	case to == "":
		e.Add("to", "error.required", nil)
	case badLast != "":
		e.Add("to", badLast, yearBounds)
	}
	if e.Any() {
		return Period{}, e
	}
	p := Period{First: first, Last: last, Zone: zone}
	switch {
	case last.Before(first):
		e.Add("to", "reports.error.order", nil)
	case p.Days() > MaxDays:
		e.Add("to", "reports.error.span", map[string]any{"Max": MaxDays})
	}
	return p, e
}

// MinYear and MaxYear bound the dates a period may hold: the bounds keep typing slips
// like 0202 or 20266 from becoming a thousand-year query.
const (
	MinYear = 2000
	MaxYear = 2999
)

// yearBounds fills the year-range message (the date-format message ignores it). The
// years go in as text: a number would be written with a thousands separator, "2,000".
var yearBounds = map[string]any{"Min": strconv.Itoa(MinYear), "Max": strconv.Itoa(MaxYear)}

// parseDay reads a date between MinYear and MaxYear as its local midnight. bad is the
// message id when it cannot: a date that is not written as one, or a well-written date
// outside the years, which deserves its own words (the format was right).
func parseDay(s string, zone *time.Location) (t time.Time, bad string) {
	d, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, "reports.error.date"
	}
	if d.Year() < MinYear || d.Year() > MaxYear {
		return time.Time{}, "qafix.reports.year_range"
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, zone), ""
}

// Bucket is one bar of the chart: the days from Start (a local midnight) until End.
type Bucket struct {
	Start, End time.Time
	Days       int
	Opened     int // tickets opened in it
}

// Weekly reports whether the chart shows weeks rather than days.
func (p Period) Weekly() bool { return p.Days() >= WeeklyFrom }

// Buckets cuts the period into days, or into calendar weeks from Monday for long
// periods (the first and last may be shorter).
func (p Period) Buckets() []Bucket {
	var out []Bucket
	for start := p.First; start.Before(p.To()); {
		end := start.AddDate(0, 0, 1)
		if p.Weekly() {
			end = start.AddDate(0, 0, 7-(int(start.Weekday())+6)%7) // to the next Monday
			if end.After(p.To()) {
				end = p.To()
			}
		}
		out = append(out, Bucket{Start: start, End: end, Days: dayNumber(end) - dayNumber(start)})
		start = end
	}
	return out
}
