package ticket

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// MaxHolidays bounds a tenant's list of holidays: a couple of decades of them.
const MaxHolidays = 400

// Holiday is a date on which a tenant's business hours are closed.
type Holiday struct {
	Day  string // YYYY-MM-DD in the tenant's time zone
	Name string // optional
}

// SLACalendar is how a tenant's service-level targets count time (sla.go): in
// calendar hours or in its business hours (Week, closed on the Holidays, in the
// tenant's time zone), and whether a ticket's resolution clock stands while it waits
// for the customer.
type SLACalendar struct {
	BusinessHours bool // the targets count business hours
	PauseWaiting  bool // a status of kind waiting stops the resolution clock
	Week          Week
	Holidays      []Holiday // by date
}

// OfficeWeek is Monday to Friday, 08:00–17:00: the week a new calendar starts with.
func OfficeWeek() Week {
	var w Week
	for d := time.Monday; d <= time.Friday; d++ {
		w[d] = Span{From: 8 * 60, To: 17 * 60}
	}
	return w
}

// newCalendar is the calendar of a new tenant: calendar hours until an admin switches
// business hours on (its targets are empty anyway), the office week ready for it, and
// the pause on, since time the customer takes to answer is not the provider's.
var newCalendar = SLACalendar{PauseWaiting: true, Week: OfficeWeek()}

// Hours is the calendar's business hours in zone.
func (c SLACalendar) Hours(zone *time.Location) BusinessHours {
	days := make([]string, len(c.Holidays))
	for i, h := range c.Holidays {
		days[i] = h.Day
	}
	return NewBusinessHours(zone, c.Week, days...)
}

// MaxTarget is the largest target, in whole hours up to MaxSLAHours, that the calendar
// counts in its business hours from now: with hours as short as one a week, ten years
// of them (BusinessHours.Reach) are fewer than a target may have. Calendar hours reach
// any target.
func (c SLACalendar) MaxTarget(zone *time.Location, now time.Time) int {
	if !c.BusinessHours {
		return MaxSLAHours
	}
	return min(MaxSLAHours, int(c.Hours(zone).Reach(now)/time.Hour))
}

// LoadSLACalendar loads the tenant's calendar. A tenant from before calendars existed
// has none stored: calendar hours and no pause, as its targets always counted, with the
// office week offered for when an admin switches business hours on.
func LoadSLACalendar(ctx context.Context, q db.Querier, tenantID int64) (SLACalendar, error) {
	c := SLACalendar{Week: OfficeWeek()}
	var zone string
	stored, err := slaSwitches(ctx, q, tenantID, &c, &zone)
	if err != nil || !stored {
		return c, err
	}
	if c.Week, err = slaWeek(ctx, q, tenantID); err != nil {
		return c, err
	}
	c.Holidays, err = slaHolidays(ctx, q, tenantID, "")
	return c, err
}

// slaSwitches loads the calendar's switches into c and the tenant's time zone; stored
// is false when the tenant has no calendar row (c is left as it is).
func slaSwitches(ctx context.Context, q db.Querier, tenantID int64, c *SLACalendar, zone *string) (stored bool, err error) {
	var business, pause sql.NullBool
	if err := q.QueryRow(ctx, `SELECT t.time_zone, c.business_hours, c.pause_waiting FROM tenants t
		LEFT JOIN ticket_sla_calendars c ON c.tenant_id = t.id WHERE t.id = ?`, tenantID).Scan(zone, &business, &pause); err != nil {
		return false, fmt.Errorf("ticket: sla calendar: %w", db.One(err))
	}
	if !business.Valid || !pause.Valid {
		return false, nil
	}
	c.BusinessHours, c.PauseWaiting = business.Bool, pause.Bool
	return true, nil
}

func slaWeek(ctx context.Context, q db.Querier, tenantID int64) (Week, error) {
	var w Week
	rows, err := q.Query(ctx, `SELECT weekday, open_minute, close_minute FROM ticket_sla_hours WHERE tenant_id = ?`, tenantID)
	if err != nil {
		return w, fmt.Errorf("ticket: business hours: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d int
		var s Span
		if err := rows.Scan(&d, &s.From, &s.To); err != nil {
			return w, fmt.Errorf("ticket: business hours: %w", err)
		}
		if d >= 0 && d < len(w) && s.Open() {
			w[d] = s
		}
	}
	return w, rows.Err()
}

// slaHolidays loads the tenant's holidays from the date since on (all for "").
func slaHolidays(ctx context.Context, q db.Querier, tenantID int64, since string) ([]Holiday, error) {
	rows, err := q.Query(ctx, `SELECT day, name FROM ticket_sla_holidays WHERE tenant_id = ? AND day >= ? ORDER BY day`, tenantID, since)
	if err != nil {
		return nil, fmt.Errorf("ticket: holidays: %w", err)
	}
	defer rows.Close()
	var out []Holiday
	for rows.Next() {
		var h Holiday
		if err := rows.Scan(&h.Day, &h.Name); err != nil {
			return nil, fmt.Errorf("ticket: holidays: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// SaveSLACalendar stores the tenant's calendar whole. The settings check it first; a
// calendar with business hours but no open day is refused here too, since no target
// could ever fall due in it. With calendar hours the week is not used: it is stored as
// it is, open days or none, for when business hours are switched on.
func SaveSLACalendar(ctx context.Context, q db.Querier, tenantID int64, c SLACalendar) error {
	if c.BusinessHours && !c.Week.Open() {
		return errors.New("ticket: business hours without an open day")
	}
	if _, err := q.Exec(ctx, `INSERT INTO ticket_sla_calendars (tenant_id, business_hours, pause_waiting) VALUES (?, ?, ?)
		ON CONFLICT (tenant_id) DO UPDATE SET business_hours = excluded.business_hours, pause_waiting = excluded.pause_waiting`,
		tenantID, c.BusinessHours, c.PauseWaiting); err != nil {
		return fmt.Errorf("ticket: save sla calendar: %w", err)
	}
	for _, table := range []string{"ticket_sla_hours", "ticket_sla_holidays"} {
		if _, err := q.Exec(ctx, `DELETE FROM `+table+` WHERE tenant_id = ?`, tenantID); err != nil {
			return fmt.Errorf("ticket: save sla calendar: %w", err)
		}
	}
	for d, s := range c.Week {
		if !s.Open() {
			continue
		}
		if _, err := q.Exec(ctx, `INSERT INTO ticket_sla_hours (tenant_id, weekday, open_minute, close_minute) VALUES (?, ?, ?, ?)`,
			tenantID, d, s.From, s.To); err != nil {
			return fmt.Errorf("ticket: save business hours: %w", err)
		}
	}
	for _, h := range c.Holidays {
		if _, err := q.Exec(ctx, `INSERT INTO ticket_sla_holidays (tenant_id, day, name) VALUES (?, ?, ?)`,
			tenantID, h.Day, h.Name); err != nil {
			return fmt.Errorf("ticket: save holidays: %w", err)
		}
	}
	return nil
}

// SortHolidays orders holidays by date.
func SortHolidays(hs []Holiday) {
	slices.SortFunc(hs, func(a, b Holiday) int { return strings.Compare(a.Day, b.Day) })
}

// seedCalendar gives a new tenant its calendar (newCalendar).
func seedCalendar(ctx context.Context, q db.Querier, tenantID int64) error {
	return SaveSLACalendar(ctx, q, tenantID, newCalendar)
}

func init() { tenant.OnCreate(seedCalendar) }
