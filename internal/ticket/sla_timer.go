package ticket

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// timer counts a tenant's target hours as its calendar says (sla_calendar.go): in
// calendar time, or only inside its business hours. Instants are Unix seconds as the
// clock stores them.
type timer struct {
	hours *BusinessHours // nil: calendar hours
}

// loadTimer loads the tenant's calendar for a clock that looks no earlier than since
// (holidays before its date are not needed; 0 loads them all).
func loadTimer(ctx context.Context, q db.Querier, tenantID, since int64) (timer, error) {
	var c SLACalendar
	var zone string
	if _, err := slaSwitches(ctx, q, tenantID, &c, &zone); err != nil || !c.BusinessHours {
		return timer{}, err
	}
	week, err := slaWeek(ctx, q, tenantID)
	if err != nil {
		return timer{}, err
	}
	loc, ok := tenant.LoadZone(zone)
	if !ok {
		loc = time.UTC
	}
	// The day before since's date in the zone: a date is compared as text, and the
	// day since falls on may be the one before in UTC.
	from := ""
	if since != 0 {
		from = time.Unix(since, 0).In(loc).AddDate(0, 0, -1).Format(time.DateOnly)
	}
	holidays, err := slaHolidays(ctx, q, tenantID, from)
	if err != nil {
		return timer{}, err
	}
	c.Week, c.Holidays = week, holidays
	b := c.Hours(loc)
	return timer{hours: &b}, nil
}

// pausing reports whether the tenant's resolution clocks stand while tickets wait.
func pausing(ctx context.Context, q db.Querier, tenantID int64) (bool, error) {
	var c SLACalendar
	var zone string
	_, err := slaSwitches(ctx, q, tenantID, &c, &zone)
	return c.PauseWaiting, err
}

// add is the moment secs of counted time after from (before it for negative secs).
func (tm timer) add(from, secs int64) int64 {
	if tm.hours == nil || secs == 0 {
		return from + secs
	}
	return tm.hours.Add(time.Unix(from, 0), time.Duration(secs)*time.Second).Unix()
}

// between is the counted time from a to b, in seconds.
func (tm timer) between(a, b int64) int64 {
	if b <= a {
		return 0
	}
	if tm.hours == nil {
		return b - a
	}
	return int64(tm.hours.Between(time.Unix(a, 0), time.Unix(b, 0)) / time.Second)
}

// due is the moment a target of hours is due when its clock started at from having
// used used seconds of it before, or 0 without a target. A clock that used more than
// the target was due before from.
func (tm timer) due(from int64, hours int, used int64) int64 {
	if hours <= 0 {
		return 0
	}
	return tm.add(from, int64(hours)*3600-used)
}
