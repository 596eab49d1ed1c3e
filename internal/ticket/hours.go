package ticket

import (
	"maps"
	"slices"
	"time"
)

// Business hours: a week of opening hours in a time zone, closed on holidays. The
// service-level targets of a tenant that counts business hours run only inside them
// (sla.go). The arithmetic here is pure so that it can be tested day by day, across
// weekends, holidays and changes of daylight saving time, without a database.

// MinutesPerDay is 24:00, the latest end of a day's hours.
const MinutesPerDay = 24 * 60

// Span is a weekday's business hours in minutes after midnight: open from From until
// To (0 ≤ From < To ≤ MinutesPerDay). The zero Span is a closed day.
type Span struct {
	From, To int
}

// Open reports whether the day has business hours.
func (s Span) Open() bool { return 0 <= s.From && s.From < s.To && s.To <= MinutesPerDay }

// Week is business hours per weekday, indexed by time.Weekday (Sunday is 0).
type Week [7]Span

// Open reports whether any day of the week has business hours. A week without is
// refused by the settings when the targets count business hours; BusinessHours counts
// calendar time with one rather than look for an opening hour for ever.
func (w Week) Open() bool {
	for _, s := range w {
		if s.Open() {
			return true
		}
	}
	return false
}

// maxBusinessDays bounds the days Add walks: ten years, more than the largest target
// (MaxSLAHours) needs in any week with a reasonable opening. The settings refuse a
// target that business hours so short (an hour a week) cannot reach in that time
// (Reach, SLACalendar.MaxTarget); should one be counted anyway, Add counts the rest as
// calendar time rather than walk on.
const maxBusinessDays = 3660

// BusinessHours is a week of business hours in a zone, closed on some dates.
type BusinessHours struct {
	week     Week
	zone     *time.Location
	closed   map[int]bool // dayKey of the holidays
	holidays []int        // the same, sorted
}

// NewBusinessHours makes business hours of week in zone, closed on the holidays given
// as YYYY-MM-DD (anything else is ignored). A nil zone is UTC.
func NewBusinessHours(zone *time.Location, week Week, holidays ...string) BusinessHours {
	if zone == nil {
		zone = time.UTC
	}
	b := BusinessHours{week: week, zone: zone, closed: map[int]bool{}}
	for _, h := range holidays {
		if d, err := time.Parse(time.DateOnly, h); err == nil {
			b.closed[dayKey(d.Date())] = true
		}
	}
	b.holidays = slices.Sorted(maps.Keys(b.closed))
	return b
}

func dayKey(y int, m time.Month, d int) int { return y*10000 + int(m)*100 + d }

// nextDay is the calendar day after y-m-d (step 1) or before it (step -1).
func nextDay(y int, m time.Month, d, step int) (int, time.Month, int) {
	return time.Date(y, m, d+step, 12, 0, 0, 0, time.UTC).Date()
}

// hours is the business hours of the calendar day y-m-d as instants; ok is false on a
// closed day. Wall-clock times are read in the zone on that very day, so an interval
// on the day daylight saving time starts or ends is as long as it really is (a whole
// day 00:00–24:00 then has 23 or 25 hours).
func (b BusinessHours) hours(y int, m time.Month, d int) (open, close time.Time, ok bool) {
	s := b.week[time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday()]
	if !s.Open() || b.closed[dayKey(y, m, d)] {
		return open, close, false
	}
	open = time.Date(y, m, d, 0, s.From, 0, 0, b.zone)
	close = time.Date(y, m, d, 0, s.To, 0, 0, b.zone)
	return open, close, close.After(open)
}

// Add is the instant d of business time after t (before it for a negative d). Time
// outside business hours does not count: Friday 16:00 plus four hours of a Monday to
// Friday 08:00–17:00 week is Monday 11:00; a start outside hours counts from the next
// opening. A moment that uses up the day's hours exactly is that day's closing time
// (17:00), not the next opening. d = 0 is t itself.
func (b BusinessHours) Add(t time.Time, d time.Duration) time.Time {
	switch {
	case d == 0:
		return t
	case !b.week.Open():
		return t.Add(d)
	case d < 0:
		return b.back(t, -d)
	}
	y, m, day := t.In(b.zone).Date()
	for range maxBusinessDays {
		if open, close, ok := b.hours(y, m, day); ok {
			start := t
			if open.After(t) {
				start = open
			}
			if left := close.Sub(start); left > 0 {
				if d <= left {
					return start.Add(d)
				}
				d -= left
				t = close
			}
		}
		y, m, day = nextDay(y, m, day, 1)
	}
	return t.Add(d)
}

// Reach is the business time Add counts from t before it gives up: that of the
// maxBusinessDays days from t's date on. Any d up to it is counted in business hours.
func (b BusinessHours) Reach(t time.Time) time.Duration {
	y, m, d := t.In(b.zone).Date()
	return b.Between(t, time.Date(y, m, d+maxBusinessDays, 0, 0, 0, 0, b.zone))
}

// back is Add going back in time: the instant d of business time before t.
func (b BusinessHours) back(t time.Time, d time.Duration) time.Time {
	y, m, day := t.In(b.zone).Date()
	for range maxBusinessDays {
		if open, close, ok := b.hours(y, m, day); ok {
			end := t
			if close.Before(t) {
				end = close
			}
			if left := end.Sub(open); left > 0 {
				if d <= left {
					return end.Add(-d)
				}
				d -= left
				t = open
			}
		}
		y, m, day = nextDay(y, m, day, -1)
	}
	return t.Add(-d)
}

// Between is the business time from from to to; 0 unless to is after from.
func (b BusinessHours) Between(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	if !b.week.Open() {
		return to.Sub(from)
	}
	var sum time.Duration
	y, m, day := from.In(b.zone).Date()
	for {
		midnight := time.Date(y, m, day, 0, 0, 0, 0, b.zone)
		if !midnight.Before(to) {
			return sum
		}
		// Days without a holiday or a change of daylight saving time are summed at
		// once: a clock that started years ago is counted in about as many steps as it
		// passed holidays, not days.
		if !midnight.Before(from) {
			if n := b.plainDays(y, m, day, midnight, to); n > 0 {
				sum += b.daysLength(y, m, day, n)
				y, m, day = nextDay(y, m, day, n)
				continue
			}
		}
		if open, close, ok := b.hours(y, m, day); ok {
			start, end := open, close
			if from.After(start) {
				start = from
			}
			if to.Before(end) {
				end = to
			}
			if end.After(start) {
				sum += end.Sub(start)
			}
		}
		y, m, day = nextDay(y, m, day, 1)
	}
}

// plainDays is how many whole days from midnight, the start of y-m-d, end by to with
// neither a holiday nor a change of the zone's offset among them (nor at their ends):
// their business hours are just the week's.
func (b BusinessHours) plainDays(y int, m time.Month, d int, midnight, to time.Time) int {
	limit := to
	if start, end := midnight.ZoneBounds(); start.Equal(midnight) {
		return 0 // the offset changes at this very midnight: the day may be short
	} else if !end.IsZero() && end.Before(limit) {
		limit = end.Add(-time.Nanosecond) // not up to a change at a midnight either
	}
	n := int(limit.Sub(midnight) / (24 * time.Hour))
	if i, _ := slices.BinarySearch(b.holidays, dayKey(y, m, d)); i < len(b.holidays) {
		h := b.holidays[i]
		next := time.Date(h/10000, time.Month(h/100%100), h%100, 12, 0, 0, 0, time.UTC)
		n = min(n, int(next.Sub(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))/(24*time.Hour)))
	}
	return n
}

// daysLength is the business time of n plain days from y-m-d on.
func (b BusinessHours) daysLength(y int, m time.Month, d, n int) time.Duration {
	first := int(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday())
	var week, rest time.Duration
	for i := range 7 {
		var l time.Duration
		if s := b.week[(first+i)%7]; s.Open() {
			l = time.Duration(s.To-s.From) * time.Minute
		}
		week += l
		if i < n%7 {
			rest += l
		}
	}
	return time.Duration(n/7)*week + rest
}

// Open reports whether t lies within business hours. A week without any hours counts
// as always open, as Add counts it.
func (b BusinessHours) Open(t time.Time) bool {
	if !b.week.Open() {
		return true
	}
	y, m, d := t.In(b.zone).Date()
	open, close, ok := b.hours(y, m, d)
	return ok && !t.Before(open) && t.Before(close)
}

// Next is t when it lies within business hours, else the next opening after it.
func (b BusinessHours) Next(t time.Time) time.Time {
	if b.Open(t) {
		return t
	}
	// Add counts from the next opening; a nanosecond of it leads straight there.
	return b.Add(t, time.Nanosecond).Add(-time.Nanosecond)
}
