package i18n

import "strconv"

// Duration formats a number of minutes as hours and minutes in the language ("1 h
// 30 min", Danish "1 t 30 min"); the words are the messages time_tracking.duration.*.
// Negative minutes format as their amount: a duration has no sign.
func (l *Localizer) Duration(minutes int) string {
	minutes = max(minutes, -minutes)
	h, m := minutes/60, minutes%60
	data := map[string]any{"Hours": l.Number(float64(h)), "Minutes": strconv.Itoa(m)}
	switch {
	case h == 0:
		return l.T("time_tracking.duration.minutes", data)
	case m == 0:
		return l.T("time_tracking.duration.hours", data)
	}
	return l.T("time_tracking.duration.hours_minutes", data)
}

// Hours formats a number of minutes as hours with up to two decimals and the
// language's separators ("1.5", German "1,5"), for reports and sums.
func (l *Localizer) Hours(minutes int) string { return l.Number(float64(minutes) / 60) }
