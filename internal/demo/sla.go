package demo

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// demoTargets are the demo tenant's service-level targets, in business hours, as an IT
// service provider might promise them. Set before the tickets are opened, they give the
// demo's tickets due times: the VPN ticket (high, a business day and a half old, only an
// internal note) is overdue, the till that will not start (urgent) is due to be solved
// within hours, the printer waits for the customer with its resolution paused.
var demoTargets = ticket.Targets{
	ticket.PriorityLow:    {FirstResponse: 24, Resolution: 120},
	ticket.PriorityNormal: {FirstResponse: 8, Resolution: 72},
	ticket.PriorityHigh:   {FirstResponse: 4, Resolution: 24},
	ticket.PriorityUrgent: {FirstResponse: 1, Resolution: 8},
}

// demoCalendar is the demo provider's calendar: its targets count business hours,
// Monday to Friday 08:00–17:00, closed on the public holidays all of Germany keeps in
// the year the demo is loaded and the years before and after it (its tickets' ages
// reach back over New Year when it is loaded in January, their due times forward
// when in December), and the resolution pauses while a ticket waits for the customer.
func demoCalendar(now time.Time) ticket.SLACalendar {
	y := now.In(demoZone()).Year()
	var holidays []ticket.Holiday
	for _, year := range []int{y - 1, y, y + 1} {
		holidays = append(holidays, germanHolidays(year)...)
	}
	return ticket.SLACalendar{BusinessHours: true, PauseWaiting: true, Week: ticket.OfficeWeek(), Holidays: holidays}
}

// demoZone is the demo tenant's time zone, that of every new tenant.
func demoZone() *time.Location {
	loc, _ := tenant.LoadZone(tenant.DefaultTimeZone)
	return loc
}

// demoHours are the demo's business hours, which its tickets' ages count in
// (tickets.go): so the due times read the same whatever day the demo is loaded on.
func demoHours(now time.Time) ticket.BusinessHours { return demoCalendar(now).Hours(demoZone()) }

// loadSLA gives the demo tenant its service-level targets and calendar.
func loadSLA(ctx context.Context, tx db.Querier, tenantID int64, now time.Time) error {
	if err := ticket.SetSLATargets(ctx, tx, tenantID, demoTargets); err != nil {
		return err
	}
	return ticket.SaveSLACalendar(ctx, tx, tenantID, demoCalendar(now))
}

// germanHolidays are the public holidays of all German states in year; Easter decides
// four of them.
func germanHolidays(year int) []ticket.Holiday {
	e := easter(year)
	on := func(t time.Time, name string) ticket.Holiday {
		return ticket.Holiday{Day: t.Format(time.DateOnly), Name: name}
	}
	date := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, time.UTC) }
	return []ticket.Holiday{
		on(date(time.January, 1), "Neujahr"),
		on(e.AddDate(0, 0, -2), "Karfreitag"),
		on(e.AddDate(0, 0, 1), "Ostermontag"),
		on(date(time.May, 1), "Tag der Arbeit"),
		on(e.AddDate(0, 0, 39), "Christi Himmelfahrt"),
		on(e.AddDate(0, 0, 50), "Pfingstmontag"),
		on(date(time.October, 3), "Tag der Deutschen Einheit"),
		on(date(time.December, 25), "1. Weihnachtstag"),
		on(date(time.December, 26), "2. Weihnachtstag"),
	}
}

// easter is Easter Sunday of a year of the Gregorian calendar (the "anonymous"
// algorithm of Meeus, Jones and Butcher).
func easter(year int) time.Time {
	a, b, c := year%19, year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return time.Date(year, time.Month(n/31), n%31+1, 0, 0, 0, 0, time.UTC)
}
