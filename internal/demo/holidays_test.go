package demo

import (
	"testing"
	"time"
)

// TestGermanHolidays: Easter falls where the calendars say, and the holidays it moves
// move with it.
func TestGermanHolidays(t *testing.T) {
	for year, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
		2038: "2038-04-25", 2285: "2285-03-22"} {
		if got := easter(year).Format(time.DateOnly); got != want {
			t.Errorf("Easter %d: %s, want %s", year, got, want)
		}
	}
	got := map[string]string{}
	for _, h := range germanHolidays(2026) {
		got[h.Day] = h.Name
	}
	for day, name := range map[string]string{"2026-01-01": "Neujahr", "2026-04-03": "Karfreitag", "2026-04-06": "Ostermontag",
		"2026-05-01": "Tag der Arbeit", "2026-05-14": "Christi Himmelfahrt", "2026-05-25": "Pfingstmontag",
		"2026-10-03": "Tag der Deutschen Einheit", "2026-12-25": "1. Weihnachtstag", "2026-12-26": "2. Weihnachtstag"} {
		if got[day] != name {
			t.Errorf("%s: %q, want %q", day, got[day], name)
		}
	}
	if len(got) != 9 {
		t.Errorf("%d holidays", len(got))
	}
}
