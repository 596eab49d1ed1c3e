package admin

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// maxHolidayName bounds a holiday's name.
const maxHolidayName = 100

// weekdays are the days in the order the form lists them, Monday first.
var weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// helpdeskHoursSave stores how the service-level targets count time: calendar or
// business hours, the pause while waiting for the customer, the business hours of
// each weekday and the holidays. Anything wrong comes back next to its field with
// what was typed; counting business hours, a week without an open day is refused,
// since no target could fall due in it, and so is one too short to reach the longest
// target within ten years.
func (a *Admin) helpdeskHoursSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var c ticket.SLACalendar
	if f.Err == "" {
		c = slaCalendarOf(&f)
	}
	if !f.Invalid() && c.BusinessHours {
		ts, err := ticket.SLATargets(r.Context(), a.env.DB, v.P.TenantID)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if most, max := longestTarget(ts), c.MaxTarget(web.Zone(r.Context()), a.env.Now()); most > max {
			f.Errors.Add("week", "sla_hours.error.week_short", map[string]any{"Hours": most, "Max": max})
		}
	}
	if f.Invalid() {
		a.renderHelpdesk(w, r, v, "hours", f, http.StatusUnprocessableEntity)
		return
	}
	a.helpdeskSave(w, r, v, "service-level calendar: "+calendarSummary(c), func(tx *db.Tx) error {
		return ticket.SaveSLACalendar(r.Context(), tx, v.P.TenantID, c)
	})
}

// dayField is a weekday's form field: kind "open", "from" or "to".
func dayField(kind string, d time.Weekday) string { return kind + "_" + strconv.Itoa(int(d)) }

// slaCalendarOf reads the calendar, adding an error for every field that is wrong.
// The times of a closed day are not read: unticking a day keeps what it had typed.
func slaCalendarOf(f *web.Form) ticket.SLACalendar {
	c := ticket.SLACalendar{BusinessHours: f.Get("count") == "business", PauseWaiting: f.Get("pause") == "1"}
	for _, d := range weekdays {
		if f.Get(dayField("open", d)) != "1" {
			continue
		}
		from, okFrom := clockTime(f, dayField("from", d), false)
		to, okTo := clockTime(f, dayField("to", d), true)
		if okFrom && okTo && to <= from {
			f.Errors.Add(dayField("to", d), "sla_hours.error.order", nil)
		}
		c.Week[d] = ticket.Span{From: from, To: to}
	}
	if c.BusinessHours && !c.Week.Open() && !f.Errors.Any() {
		f.Errors.Add("week", "sla_hours.error.no_day", nil)
	}
	c.Holidays = holidaysOf(f)
	return c
}

// longestTarget is the most hours of any of the targets.
func longestTarget(ts ticket.Targets) int {
	most := 0
	for _, t := range ts {
		most = max(most, t.FirstResponse, t.Resolution)
	}
	return most
}

// clockTime reads a time of day as H:MM or HH:MM, digits only, into minutes after
// midnight; 24:00 (the end of the day) only where end allows it.
func clockTime(f *web.Form, name string, end bool) (int, bool) {
	h, m, ok := strings.Cut(f.Get(name), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	minutes := hh*60 + mm
	if !ok || err1 != nil || err2 != nil || !digits(h) || !digits(m) || len(h) < 1 || len(h) > 2 || len(m) != 2 || mm > 59 ||
		minutes > ticket.MinutesPerDay || minutes == ticket.MinutesPerDay && !end {
		f.Errors.Add(name, "sla_hours.error.time", nil)
		return 0, false
	}
	return minutes, true
}

// digits reports whether s is made of ASCII digits only: Atoi takes "+8" and "-0" too.
func digits(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// holidaysOf reads the holidays, one a line: a date (2026-12-25 or 25.12.2026) and
// an optional name. The first bad line is named in the error.
func holidaysOf(f *web.Form) []ticket.Holiday {
	var out []ticket.Holiday
	seen := map[string]int{}
	for i, line := range strings.Split(f.Get("holidays"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n := i + 1
		date, name := line, ""
		if sp := strings.IndexFunc(line, unicode.IsSpace); sp > 0 {
			date, name = line[:sp], validate.Line(line[sp:])
		}
		day, ok := holidayDate(date)
		switch {
		case !ok:
			f.Errors.Add("holidays", "sla_hours.error.holiday_date", map[string]any{"Line": n, "Text": shortened(date, 20)})
		case seen[day] > 0:
			f.Errors.Add("holidays", "sla_hours.error.holiday_twice", map[string]any{"Line": n, "First": seen[day]})
		case utf8.RuneCountInString(name) > maxHolidayName:
			f.Errors.Add("holidays", "sla_hours.error.holiday_name", map[string]any{"Line": n, "Max": maxHolidayName})
		case len(out) == ticket.MaxHolidays:
			f.Errors.Add("holidays", "sla_hours.error.holidays_many", map[string]any{"Max": ticket.MaxHolidays})
		}
		if f.Errors["holidays"].ID != "" {
			return nil
		}
		seen[day] = n
		out = append(out, ticket.Holiday{Day: day, Name: name})
	}
	ticket.SortHolidays(out)
	return out
}

// shortened is s cut to max characters with an ellipsis, for quoting input in a message.
func shortened(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// holidayDate reads a date as YYYY-MM-DD or, as German speakers write it, D.M.YYYY,
// and returns it as YYYY-MM-DD.
func holidayDate(s string) (string, bool) {
	for _, layout := range []string{time.DateOnly, "2.1.2006"} {
		if d, err := time.Parse(layout, s); err == nil && d.Year() >= 1970 && d.Year() <= 9999 {
			return d.Format(time.DateOnly), true
		}
	}
	return "", false
}

// hhmm writes minutes after midnight as HH:MM.
func hhmm(minutes int) string { return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60) }

// calendarSummary is the calendar for the audit log: "business hours, pause on, Mon
// 08:00–17:00, …, 9 holidays".
func calendarSummary(c ticket.SLACalendar) string {
	parts := []string{"calendar hours"}
	if c.BusinessHours {
		parts[0] = "business hours"
	}
	parts = append(parts, "pause while waiting "+map[bool]string{true: "on", false: "off"}[c.PauseWaiting])
	for _, d := range weekdays {
		if s := c.Week[d]; s.Open() {
			parts = append(parts, d.String()[:3]+" "+hhmm(s.From)+"–"+hhmm(s.To))
		}
	}
	return strings.Join(append(parts, strconv.Itoa(len(c.Holidays))+" holidays"), ", ")
}

// hoursForm is the calendar form: what was typed when it came back with errors, else
// the stored calendar.
func (hv helpdeskView) hoursForm() web.Form {
	return hv.formFor("hours", func(f web.Form) {
		c := hv.Calendar
		f.Set("count", map[bool]string{true: "business", false: "calendar"}[c.BusinessHours])
		f.Set("pause", boolField(c.PauseWaiting))
		for _, d := range weekdays {
			if s := c.Week[d]; s.Open() {
				f.Set(dayField("open", d), "1")
				f.Set(dayField("from", d), hhmm(s.From))
				f.Set(dayField("to", d), hhmm(s.To))
			}
		}
		lines := make([]string, len(c.Holidays))
		for i, h := range c.Holidays {
			lines[i] = strings.TrimSpace(h.Day + " " + h.Name)
		}
		f.Set("holidays", strings.Join(lines, "\n"))
	})
}
