package i18n

import (
	"testing"
	"time"
)

// TestFormat pins each language's date, time, number and money output, so a change of
// convention is a deliberate one (the conventions are documented in format.go).
func TestFormat(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 22, 13, 5, 9, 0, time.UTC) // 14:05:09 in Berlin
	const nb = "\u00a0"                                  // no-break space: before a currency symbol, and French grouping
	// Currency symbols are CLDR's per language: the yen is "JP¥" in Danish, "JPY" in
	// French.
	cases := []struct {
		lang, date, dateTime, seconds, number, eur, jpy, neg string
	}{
		{"de", "22.11.2026", "22.11.2026, 14:05", "22.11.2026, 13:05:09", "1.234.567,89", "1.234,50" + nb + "€", "1.235" + nb + "¥", "-0,07" + nb + "€"},
		{"en", "22/11/2026", "22/11/2026, 14:05", "22/11/2026, 13:05:09", "1,234,567.89", "€1,234.50", "¥1,235", "-€0.07"},
		{"fr", "22/11/2026", "22/11/2026 14:05", "22/11/2026 13:05:09", "1" + nb + "234" + nb + "567,89", "1" + nb + "234,50" + nb + "€", "1" + nb + "235" + nb + "JPY", "-0,07" + nb + "€"},
		{"da", "22.11.2026", "22.11.2026 14.05", "22.11.2026 13.05.09", "1.234.567,89", "1.234,50" + nb + "€", "1.235" + nb + "JP¥", "-0,07" + nb + "€"},
		{"nl", "22-11-2026", "22-11-2026 14:05", "22-11-2026 13:05:09", "1.234.567,89", "€" + nb + "1.234,50", "JP¥" + nb + "1.235", "-€" + nb + "0,07"},
		{"he", "22.11.2026", "22.11.2026, 14:05", "22.11.2026, 13:05:09", "1,234,567.89", "1,234.50" + nb + "€", "1,235" + nb + "¥", "\u200e-0.07" + nb + "€"},
		{"pt", "22/11/2026", "22/11/2026 14:05", "22/11/2026 13:05:09", "1.234.567,89", "€" + nb + "1.234,50", "JP¥" + nb + "1.235", "-€" + nb + "0,07"},
		{"es", "22/11/2026", "22/11/2026, 14:05", "22/11/2026, 13:05:09", "1.234.567,89", "1.234,50" + nb + "€", "1.235" + nb + "JPY", "-0,07" + nb + "€"},
		{"th", "22/11/2026", "22/11/2026 14:05", "22/11/2026 13:05:09", "1,234,567.89", "€1,234.50", "¥1,235", "-€0.07"},
	}
	if len(cases) != len(Languages)+len(Pending) {
		t.Errorf("%d languages tested, %d known", len(cases), len(Languages)+len(Pending))
	}
	for _, c := range cases {
		l := &Localizer{Lang: c.lang}
		check := func(what, got, want string) {
			t.Helper()
			if got != want {
				t.Errorf("%s %s = %q, want %q", c.lang, what, got, want)
			}
		}
		check("Date", l.Date(at, berlin), c.date)
		check("DateTime", l.DateTime(at, berlin), c.dateTime)
		check("DateTimeSeconds", l.DateTimeSeconds(at, nil), c.seconds)
		check("Number", l.Number(1234567.891), c.number)
		check("Money EUR", l.Money(123450, "EUR"), c.eur)
		check("Money JPY", l.Money(1235, "jpy"), c.jpy)
		check("Money negative", l.Money(-7, "EUR"), c.neg)
	}
}

func TestFormatEdges(t *testing.T) {
	de := &Localizer{Lang: "de"}
	if got := de.DateTime(time.Time{}, nil); got != "–" {
		t.Errorf("zero time = %q, want a dash", got)
	}
	if got := de.Money(100, "XYZ"); got != "1,00\u00a0XYZ" {
		t.Errorf("unknown currency = %q", got)
	}
	if got := de.Money(900_719_925_474_099_123, "EUR"); got != "9.007.199.254.740.991,23\u00a0€" {
		t.Errorf("large amount = %q (float rounding?)", got)
	}
	if got := (&Localizer{Lang: "xx"}).Date(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), nil); got != "02.01.2026" {
		t.Errorf("unknown language falls back to German: %q", got)
	}
}

// TestDateZone: a date is the day of the instant in the zone its times are shown in —
// 23:30 UTC on New Year's Eve is already 1 January in Berlin and still 31 December in
// New York — while a nil zone keeps a calendar date (midnight UTC from the ERP) on its
// day.
func TestDateZone(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	newYork, _ := time.LoadLocation("America/New_York")
	de := &Localizer{Lang: "de"}
	eve := time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		loc       *time.Location
		date, all string
	}{
		{berlin, "01.01.2027", "01.01.2027, 00:30"},
		{newYork, "31.12.2026", "31.12.2026, 18:30"},
		{time.UTC, "31.12.2026", "31.12.2026, 23:30"},
	} {
		if got := de.Date(eve, c.loc); got != c.date {
			t.Errorf("%v: Date = %q, want %q", c.loc, got, c.date)
		}
		if got := de.DateTime(eve, c.loc); got != c.all {
			t.Errorf("%v: DateTime = %q, want %q", c.loc, got, c.all)
		}
	}
	invoiced := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := de.Date(invoiced, nil); got != "01.01.2027" {
		t.Errorf("calendar date = %q, want it unmoved", got)
	}
	if got := de.Date(time.Time{}, berlin); got != "–" {
		t.Errorf("zero date = %q, want a dash", got)
	}
}
