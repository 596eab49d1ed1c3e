package i18n

import (
	"strings"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// convention is how one language writes dates, times and amounts of money. Numbers
// themselves (grouping and decimal separators) come from CLDR through x/text.
//
// Dates are all-numeric with a four-digit year and a zero-padded day and month, so
// they need no translated month names and line up in tables; times use the 24-hour
// clock everywhere (the portal is a work tool used across countries). Thai keeps the
// Gregorian year (CLDR's Thai default is the Buddhist era, 2026 = 2569): invoices and
// ERP data carry Gregorian dates, and mixing the two would confuse more than it helps.
type convention struct {
	date    string // Go layout of a date
	clock   string // Go layout of hours and minutes
	seconds string // Go layout of hours, minutes and seconds
	join    string // between date and time
	before  bool   // currency symbol before the amount
	gap     string // between symbol and amount
}

// nbsp keeps an amount and its currency symbol on one line.
const nbsp = "\u00a0"

// conventions per language. The patterns follow CLDR's short date of each language
// (padded, four-digit year):
//
//	de 22.11.2026, 14:05   1.234,50 €
//	en 22/11/2026, 14:05   €1,234.50   (British order: day first, unlike the US)
//	fr 22/11/2026 14:05    1 234,50 €
//	da 22.11.2026 14.05    1.234,50 €
//	nl 22-11-2026 14:05    € 1.234,50
//	he 22.11.2026, 14:05   1,234.50 €
//	pt 22/11/2026 14:05    € 1.234,50  (Brazilian placement, CLDR's "pt")
//	es 22/11/2026, 14:05   1.234,50 €
//	th 22/11/2026 14:05    €1,234.50
var conventions = map[string]convention{
	"de": {date: "02.01.2006", clock: "15:04", seconds: "15:04:05", join: ", ", gap: nbsp},
	"en": {date: "02/01/2006", clock: "15:04", seconds: "15:04:05", join: ", ", before: true},
	"fr": {date: "02/01/2006", clock: "15:04", seconds: "15:04:05", join: " ", gap: nbsp},
	"da": {date: "02.01.2006", clock: "15.04", seconds: "15.04.05", join: " ", gap: nbsp},
	"nl": {date: "02-01-2006", clock: "15:04", seconds: "15:04:05", join: " ", before: true, gap: nbsp},
	"he": {date: "02.01.2006", clock: "15:04", seconds: "15:04:05", join: ", ", gap: nbsp},
	"pt": {date: "02/01/2006", clock: "15:04", seconds: "15:04:05", join: " ", before: true, gap: nbsp},
	"es": {date: "02/01/2006", clock: "15:04", seconds: "15:04:05", join: ", ", gap: nbsp},
	"th": {date: "02/01/2006", clock: "15:04", seconds: "15:04:05", join: " ", before: true},
}

// printers format numbers per language (CLDR separators), built once.
var printers = func() map[string]*message.Printer {
	m := map[string]*message.Printer{}
	for l := range conventions {
		m[l] = message.NewPrinter(language.Make(l))
	}
	return m
}()

// noTime stands for a missing time (a zero time.Time), e.g. "never sent".
const noTime = "–"

// conv returns the localizer's conventions, or the fallback language's.
func (l *Localizer) conv() (convention, *message.Printer) {
	if c, ok := conventions[l.Lang]; ok {
		return c, printers[l.Lang]
	}
	return conventions[Languages[0]], printers[Languages[0]]
}

// Date formats the calendar date of the instant t in loc, the zone its times are shown
// in, so a date and a time of the same instant never disagree. A nil loc keeps t's own
// location: for a calendar date that is no instant (an invoice date from the ERP,
// stored as midnight), which must not move to the day before west of Greenwich.
func (l *Localizer) Date(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return noTime
	}
	if loc != nil {
		t = t.In(loc)
	}
	c, _ := l.conv()
	return t.Format(c.date)
}

// DateTime formats t as date and time of day in loc (UTC when nil), to the minute.
func (l *Localizer) DateTime(t time.Time, loc *time.Location) string {
	return l.dateTime(t, loc, false)
}

// DateTimeSeconds is DateTime to the second, for logs whose entries must line up.
func (l *Localizer) DateTimeSeconds(t time.Time, loc *time.Location) string {
	return l.dateTime(t, loc, true)
}

func (l *Localizer) dateTime(t time.Time, loc *time.Location, seconds bool) string {
	if t.IsZero() {
		return noTime
	}
	if loc == nil {
		loc = time.UTC
	}
	c, _ := l.conv()
	clock := c.clock
	if seconds {
		clock = c.seconds
	}
	return t.In(loc).Format(c.date + c.join + clock)
}

// Number formats v with the language's separators and at most two decimals.
func (l *Localizer) Number(v float64) string {
	_, p := l.conv()
	return p.Sprint(number.Decimal(v, number.MaxFractionDigits(2)))
}

// countKeys are the template data that stand for a number of things (characters,
// files, days, a plural's count; see TRANSLATING.md), written the language's way:
// "20.000" in German, "20 000" in French. Ids, years and the like travel under other
// names.
var countKeys = []string{"Max", "Min", "Count", "Days", "Minutes"}

// withNumbers returns data with the integers under countKeys formatted by Number; data
// itself (the caller's, e.g. a stored form error) is not changed.
func (l *Localizer) withNumbers(data map[string]any) map[string]any {
	var out map[string]any
	for _, k := range countKeys {
		var n int64
		switch v := data[k].(type) {
		case int:
			n = int64(v)
		case int64:
			n = v
		default:
			continue
		}
		if out == nil {
			out = make(map[string]any, len(data))
			for dk, dv := range data {
				out[dk] = dv
			}
		}
		out[k] = l.Number(float64(n))
	}
	if out == nil {
		return data
	}
	return out
}

// Money formats an amount given in the currency's minor unit (cents for EUR, whole yen
// for JPY) with the currency's symbol as the language writes it. An unknown currency
// code is shown as given, with two decimals.
func (l *Localizer) Money(minor int64, code string) string {
	c, p := l.conv()
	symbol := strings.ToUpper(code)
	scale := 2
	if u, err := currency.ParseISO(code); err == nil {
		symbol = p.Sprint(currency.Symbol(u))
		s, _ := currency.Standard.Rounding(u)
		scale = s
	}
	neg := minor < 0
	if neg {
		minor = -minor
	}
	div := int64(1)
	for range scale {
		div *= 10
	}
	// Whole and fractional parts separately: no float rounding for large amounts.
	whole := p.Sprint(number.Decimal(minor / div))
	amount := whole
	if scale > 0 {
		frac := p.Sprint(number.Decimal(float64(minor%div)/float64(div), number.Scale(scale)))
		// frac is "0,50" or "0.50": keep the language's decimal separator and digits.
		amount += frac[1:]
	}
	out := amount + c.gap + symbol
	if c.before {
		out = symbol + c.gap + amount
	}
	if neg {
		// The language's minus sign: Hebrew's carries a left-to-right mark so that it
		// stays in front of the amount inside right-to-left text.
		out = strings.TrimSuffix(p.Sprint(number.Decimal(-1)), "1") + out
	}
	return out
}
