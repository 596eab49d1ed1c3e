package ticket_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"pforte/internal/ticket"
)

var zoneBerlin = loadZone("Europe/Berlin")

func loadZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// officeWeek is Monday to Friday, 08:00–17:00.
func officeWeek() ticket.Week {
	var w ticket.Week
	for d := time.Monday; d <= time.Friday; d++ {
		w[d] = ticket.Span{From: 8 * 60, To: 17 * 60}
	}
	return w
}

// allDay is every day, 00:00–24:00.
func allDay() ticket.Week {
	var w ticket.Week
	for d := range w {
		w[d] = ticket.Span{From: 0, To: ticket.MinutesPerDay}
	}
	return w
}

// berlinAt is a wall-clock time in Berlin.
func berlinAt(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, zoneBerlin)
}

// TestBusinessHoursAdd: adding business time skips nights, weekends and holidays, starts
// at the next opening when begun outside hours, reads wall clocks on the day itself
// across daylight saving time, and goes back as well as forward.
func TestBusinessHoursAdd(t *testing.T) {
	office := ticket.NewBusinessHours(zoneBerlin, officeWeek())
	// German holidays of 2026 around Easter and Christmas.
	holidays := ticket.NewBusinessHours(zoneBerlin, officeWeek(), "2026-04-03", "2026-04-06", "2026-12-25", "2026-12-26", "not a date")
	saturday := officeWeek()
	saturday[time.Saturday] = ticket.Span{From: 10 * 60, To: 14 * 60}
	// On 29 March 2026 Berlin skips 02:00–03:00; the shop opens at 02:00, which does
	// not exist that night.
	night := ticket.Week{time.Sunday: {From: 2 * 60, To: 4 * 60}}
	cases := []struct {
		name string
		b    ticket.BusinessHours
		from time.Time
		h    float64
		want time.Time
	}{
		{"within the day", office, berlinAt(2026, 11, 23, 10, 0), 2, berlinAt(2026, 11, 23, 12, 0)},
		{"Friday 16:00 plus 4 h is Monday 11:00", office, berlinAt(2026, 11, 20, 16, 0), 4, berlinAt(2026, 11, 23, 11, 0)},
		{"up to closing time exactly", office, berlinAt(2026, 11, 23, 16, 0), 1, berlinAt(2026, 11, 23, 17, 0)},
		{"from closing time", office, berlinAt(2026, 11, 23, 17, 0), 1, berlinAt(2026, 11, 24, 9, 0)},
		{"overnight", office, berlinAt(2026, 11, 23, 16, 30), 1, berlinAt(2026, 11, 24, 8, 30)},
		{"before opening", office, berlinAt(2026, 11, 23, 6, 0), 1, berlinAt(2026, 11, 23, 9, 0)},
		{"in the evening", office, berlinAt(2026, 11, 23, 20, 0), 1, berlinAt(2026, 11, 24, 9, 0)},
		{"on a Saturday", office, berlinAt(2026, 11, 21, 10, 0), 1, berlinAt(2026, 11, 23, 9, 0)},
		{"a whole week", office, berlinAt(2026, 11, 23, 8, 0), 45, berlinAt(2026, 11, 27, 17, 0)},
		{"a week and an hour", office, berlinAt(2026, 11, 23, 8, 0), 46, berlinAt(2026, 11, 30, 9, 0)},
		{"minutes", office, berlinAt(2026, 11, 23, 16, 45), 0.5, berlinAt(2026, 11, 24, 8, 15)},
		{"zero stays outside hours", office, berlinAt(2026, 11, 21, 10, 0), 0, berlinAt(2026, 11, 21, 10, 0)},
		{"Christmas", holidays, berlinAt(2026, 12, 24, 16, 0), 4, berlinAt(2026, 12, 28, 11, 0)},
		{"Easter: Good Friday to Easter Monday", holidays, berlinAt(2026, 4, 2, 16, 0), 4, berlinAt(2026, 4, 7, 11, 0)},
		{"a holiday is only a date", holidays, berlinAt(2026, 4, 2, 16, 0), 1, berlinAt(2026, 4, 2, 17, 0)},
		{"open on Saturday morning", ticket.NewBusinessHours(zoneBerlin, saturday), berlinAt(2026, 11, 20, 16, 0), 4, berlinAt(2026, 11, 21, 13, 0)},
		{"DST starts over the weekend", office, berlinAt(2026, 3, 27, 16, 0), 4, berlinAt(2026, 3, 30, 11, 0)},
		{"DST ends over the weekend", office, berlinAt(2026, 10, 23, 16, 0), 4, berlinAt(2026, 10, 26, 11, 0)},
		{"24 h days across DST start", ticket.NewBusinessHours(zoneBerlin, allDay()), berlinAt(2026, 3, 28, 12, 0), 24, berlinAt(2026, 3, 29, 13, 0)},
		{"24 h days across DST end", ticket.NewBusinessHours(zoneBerlin, allDay()), berlinAt(2026, 10, 24, 12, 0), 24, berlinAt(2026, 10, 25, 11, 0)},
		{"24 h days run through midnight", ticket.NewBusinessHours(zoneBerlin, allDay()), berlinAt(2026, 11, 23, 23, 0), 2, berlinAt(2026, 11, 24, 1, 0)},
		{"opening in the skipped hour", ticket.NewBusinessHours(zoneBerlin, night), berlinAt(2026, 3, 28, 12, 0), 1, berlinAt(2026, 3, 29, 4, 0)},
		{"no open day counts calendar time", ticket.NewBusinessHours(zoneBerlin, ticket.Week{}), berlinAt(2026, 11, 21, 10, 0), 5, berlinAt(2026, 11, 21, 15, 0)},
		{"back: Monday 11:00 less 4 h", office, berlinAt(2026, 11, 23, 11, 0), -4, berlinAt(2026, 11, 20, 16, 0)},
		{"back from opening time", office, berlinAt(2026, 11, 23, 8, 0), -1, berlinAt(2026, 11, 20, 16, 0)},
		{"back from a Saturday", office, berlinAt(2026, 11, 21, 12, 0), -1, berlinAt(2026, 11, 20, 16, 0)},
		{"back over Easter", holidays, berlinAt(2026, 4, 7, 11, 0), -4, berlinAt(2026, 4, 2, 16, 0)},
	}
	for _, c := range cases {
		got := c.b.Add(c.from, time.Duration(c.h*float64(time.Hour)))
		if !got.Equal(c.want) {
			t.Errorf("%s: %v plus %v h is %v, want %v", c.name, c.from, c.h, got.In(zoneBerlin), c.want)
		}
	}
}

// TestBusinessHoursBetween: the business time between two instants, the inverse of Add.
func TestBusinessHoursBetween(t *testing.T) {
	office := ticket.NewBusinessHours(zoneBerlin, officeWeek(), "2026-12-25")
	cases := []struct {
		name     string
		b        ticket.BusinessHours
		from, to time.Time
		want     float64
	}{
		{"Friday 16:00 to Monday 09:00", office, berlinAt(2026, 11, 20, 16, 0), berlinAt(2026, 11, 23, 9, 0), 2},
		{"a weekend", office, berlinAt(2026, 11, 21, 0, 0), berlinAt(2026, 11, 23, 0, 0), 0},
		{"a night", office, berlinAt(2026, 11, 23, 17, 0), berlinAt(2026, 11, 24, 8, 0), 0},
		{"backwards", office, berlinAt(2026, 11, 24, 9, 0), berlinAt(2026, 11, 23, 9, 0), 0},
		{"a week", office, berlinAt(2026, 11, 23, 0, 0), berlinAt(2026, 11, 30, 0, 0), 45},
		{"over Christmas", office, berlinAt(2026, 12, 24, 12, 0), berlinAt(2026, 12, 28, 12, 0), 5 + 4},
		{"the day DST starts, 24 h days", ticket.NewBusinessHours(zoneBerlin, allDay()), berlinAt(2026, 3, 29, 0, 0), berlinAt(2026, 3, 30, 0, 0), 23},
		{"the day DST ends, 24 h days", ticket.NewBusinessHours(zoneBerlin, allDay()), berlinAt(2026, 10, 25, 0, 0), berlinAt(2026, 10, 26, 0, 0), 25},
		{"no open day counts calendar time", ticket.NewBusinessHours(zoneBerlin, ticket.Week{}), berlinAt(2026, 11, 21, 10, 0), berlinAt(2026, 11, 22, 10, 0), 24},
	}
	for _, c := range cases {
		if got := c.b.Between(c.from, c.to); got != time.Duration(c.want*float64(time.Hour)) {
			t.Errorf("%s: %v, want %v h", c.name, got, c.want)
		}
	}

	// Whatever the start, Add uses up exactly the business time asked for: every 97
	// minutes through a spring with Easter and the change to summer time.
	easter := ticket.NewBusinessHours(zoneBerlin, officeWeek(), "2026-04-03", "2026-04-06")
	for from := berlinAt(2026, 3, 20, 0, 0); from.Before(berlinAt(2026, 4, 20, 0, 0)); from = from.Add(97 * time.Minute) {
		for _, d := range []time.Duration{time.Minute, 4 * time.Hour, 9 * time.Hour, 50 * time.Hour} {
			to := easter.Add(from, d)
			if got := easter.Between(from, to); got != d {
				t.Fatalf("from %v: Add %v reaches %v, %v of business time", from, d, to, got)
			}
			if back := easter.Add(to, -d); easter.Between(back, to) != d {
				t.Fatalf("from %v: back %v from %v reaches %v", from, d, to, back)
			}
		}
	}
}

// TestBusinessHoursZone: the hours are read in the calendar's zone: 09:00 in Bangkok
// is 03:00 in Berlin, out of Berlin's hours.
func TestBusinessHoursZone(t *testing.T) {
	at := time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC) // 09:00 in Bangkok, 03:00 in Berlin
	bangkok := ticket.NewBusinessHours(loadZone("Asia/Bangkok"), officeWeek())
	if got, want := bangkok.Add(at, time.Hour), at.Add(time.Hour); !got.Equal(want) {
		t.Errorf("Bangkok: %v, want %v", got, want)
	}
	if got, want := ticket.NewBusinessHours(zoneBerlin, officeWeek()).Add(at, time.Hour), berlinAt(2026, 11, 23, 9, 0); !got.Equal(want) {
		t.Errorf("Berlin: %v, want %v", got, want)
	}
	if got := ticket.NewBusinessHours(nil, officeWeek()).Add(at, time.Hour); !got.Equal(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("no zone (UTC): %v", got)
	}
}

// TestBusinessHoursReach: Reach is what Add counts in business hours before it stops
// walking after ten years: an hour a week reaches some 520 hours, and that much added
// ends on a Monday at 09:00, not in calendar time; the office week reaches beyond the
// largest target. MaxTarget says so in whole hours, and calendar hours reach any.
func TestBusinessHoursReach(t *testing.T) {
	from := berlinAt(2026, 11, 23, 10, 0) // a Monday, after its hour
	week := ticket.Week{time.Monday: {From: 8 * 60, To: 9 * 60}}
	hour := ticket.NewBusinessHours(zoneBerlin, week)
	r := hour.Reach(from)
	if r < 520*time.Hour || r > 523*time.Hour || r%time.Hour != 0 {
		t.Fatalf("an hour a week reaches %v", r)
	}
	if end := hour.Add(from, r).In(zoneBerlin); end.Weekday() != time.Monday || end.Hour() != 9 || end.Minute() != 0 {
		t.Errorf("the whole reach ends %v, want a Monday at 09:00", end)
	}
	if r := ticket.NewBusinessHours(zoneBerlin, officeWeek()).Reach(from); r < ticket.MaxSLAHours*time.Hour {
		t.Errorf("the office week reaches only %v", r)
	}
	for _, c := range []struct {
		cal  ticket.SLACalendar
		want int
	}{
		{ticket.SLACalendar{BusinessHours: true, Week: week}, int(r / time.Hour)},
		{ticket.SLACalendar{BusinessHours: true, Week: officeWeek()}, ticket.MaxSLAHours},
		{ticket.SLACalendar{Week: week}, ticket.MaxSLAHours},
	} {
		if got := c.cal.MaxTarget(zoneBerlin, from); got != c.want {
			t.Errorf("MaxTarget of %+v: %d, want %d", c.cal, got, c.want)
		}
	}
}

// dayByDay is Between the plain way, one calendar day after the other: what the sums
// over whole weeks must come to.
func dayByDay(zone *time.Location, week ticket.Week, closed map[string]bool, from, to time.Time) time.Duration {
	var sum time.Duration
	y, m, d := from.In(zone).Date()
	for day := time.Date(y, m, d, 0, 0, 0, 0, zone); day.Before(to); day = time.Date(y, m, d, 0, 0, 0, 0, zone) {
		noon := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
		if s := week[noon.Weekday()]; s.Open() && !closed[noon.Format(time.DateOnly)] {
			start, end := time.Date(y, m, d, 0, s.From, 0, 0, zone), time.Date(y, m, d, 0, s.To, 0, 0, zone)
			start, end = maxTime(start, from), minTime(end, to)
			if end.After(start) {
				sum += end.Sub(start)
			}
		}
		y, m, d = noon.AddDate(0, 0, 1).Date()
	}
	return sum
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// TestBusinessHoursBetweenLong: over spans of up to four years, summing whole weeks
// comes to what counting day by day does, in zones whose clocks change at night, at
// midnight (Havana, Santiago) or by half an hour (Lord Howe), around holidays.
func TestBusinessHoursBetweenLong(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 1))
	night := ticket.Week{time.Sunday: {From: 0, To: 3 * 60}, time.Saturday: {From: 22 * 60, To: ticket.MinutesPerDay}}
	night[time.Wednesday] = ticket.Span{From: 1 * 60, To: 2*60 + 30}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, zone := range []string{"Europe/Berlin", "America/Havana", "America/Santiago", "Australia/Lord_Howe", "UTC"} {
		loc := loadZone(zone)
		for _, week := range []ticket.Week{officeWeek(), allDay(), night} {
			closed := map[string]bool{}
			var days []string
			for range 60 {
				day := base.AddDate(0, 0, r.IntN(6*365)).Format(time.DateOnly)
				closed[day] = true
				days = append(days, day)
			}
			b := ticket.NewBusinessHours(loc, week, days...)
			for range 300 {
				from := base.Add(time.Duration(r.Int64N(int64(4 * 365 * 24 * time.Hour))))
				to := from.Add(time.Duration(r.Int64N(int64(4 * 365 * 24 * time.Hour))))
				if r.IntN(4) == 0 { // from a midnight, as a clock hardly starts but a sum may
					y, m, d := from.In(loc).Date()
					from = time.Date(y, m, d, 0, 0, 0, 0, loc)
				}
				if got, want := b.Between(from, to), dayByDay(loc, week, closed, from, to); got != want {
					t.Fatalf("%s, %v: from %v to %v: %v, day by day %v", zone, week, from.In(loc), to.In(loc), got, want)
				}
			}
		}
	}
}
