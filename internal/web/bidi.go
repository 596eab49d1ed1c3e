package web

import (
	"context"

	"pforte/internal/i18n"
)

// Unicode's isolates: LRI starts a left-to-right run that the text around it leaves
// alone, PDI ends it.
const (
	lri = "\u2066"
	pdi = "\u2069"
)

// LTR isolates s as left-to-right text when the page is written right to left. Dates
// ("23.11.2026, 06:49 CET"), file sizes and other values whose parts have a fixed
// order are digits, Latin letters and punctuation, which the bidirectional algorithm
// reorders inside Hebrew text: the date above came out as "CET 06:49 ,23.11.2026". The
// isolate travels with the string, so a date is right in a table cell, a <dd>, a
// sentence ("handled by Anna on …") and an attribute alike, on every page that shows
// it through When, Day or FileSize. <time> elements are isolated by the stylesheet as
// well (app.css), for times written without these functions. Left-to-right pages get s
// unchanged.
func LTR(ctx context.Context, s string) string {
	if i18n.Dir(i18n.From(ctx).Lang) != "rtl" || s == "" {
		return s
	}
	return lri + s + pdi
}
