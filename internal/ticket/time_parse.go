package ticket

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Errors of ParseDuration; the web layer shows each at the field.
var (
	ErrDurationFormat = errors.New("ticket: duration not understood")
	ErrDurationZero   = errors.New("ticket: duration zero or negative")
	ErrDurationLong   = errors.New("ticket: duration longer than a day")
)

// ParseDuration reads a duration as staff type it, into whole minutes: "45" (minutes),
// "1:30" (hours and minutes), "1.5h" or "1,5h" (hours, with a decimal point or comma),
// "90m" or "90 min", "1h30" or "1h 30m", and "1,5" (a decimal number alone is hours:
// nobody logs a minute and a half). Hours round to the nearest minute. Zero or less is
// ErrDurationZero, more than TimeMaxMinutes ErrDurationLong, anything else
// ErrDurationFormat.
func ParseDuration(s string) (int, error) {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	if s == "" {
		return 0, ErrDurationFormat
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	m, ok := parseMinutes(s)
	switch {
	case !ok:
		return 0, ErrDurationFormat
	case neg || m <= 0:
		return 0, ErrDurationZero
	case m > TimeMaxMinutes:
		return 0, ErrDurationLong
	}
	return m, nil
}

func parseMinutes(s string) (int, bool) {
	if h, m, ok := strings.Cut(s, ":"); ok { // 1:30
		hours, err1 := strconv.Atoi(h)
		mins, err2 := strconv.Atoi(m)
		if err1 != nil || err2 != nil || len(m) != 2 || mins > 59 || hours < 0 || mins < 0 {
			return 0, false
		}
		return hours*60 + mins, true
	}
	if h, m, ok := strings.Cut(s, "h"); ok { // 1.5h, 1h30, 1h30m, 2h
		hours, okH := decimal(h)
		mins := 0
		if m = strings.TrimSuffix(strings.TrimSuffix(m, "min"), "m"); m != "" {
			if strings.ContainsAny(h, ".,") { // 1.5h30 means nothing
				return 0, false
			}
			n, err := strconv.Atoi(m)
			if err != nil || n < 0 || n > 59 {
				return 0, false
			}
			mins = n
		}
		return round(hours*60) + mins, okH
	}
	for _, unit := range []string{"min", "m"} { // 90m, 90min
		if n, ok := strings.CutSuffix(s, unit); ok {
			v, err := strconv.Atoi(n)
			return v, err == nil
		}
	}
	if n, err := strconv.Atoi(s); err == nil { // 45: minutes
		return n, true
	}
	hours, ok := decimal(s) // 1,5: hours
	return round(hours * 60), ok
}

// decimal reads a non-negative number with a decimal point or comma.
func decimal(s string) (float64, bool) {
	if s == "" || strings.ContainsAny(s, "+eE") || strings.HasPrefix(s, "-") {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v > 1e6 {
		return 0, false
	}
	return v, true
}

func round(v float64) int { return int(math.Round(v)) }
