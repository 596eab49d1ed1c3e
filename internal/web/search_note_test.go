package web

import (
	"bytes"
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// TestSearchNoteNamesTheBound: the note under a capped search names the number of
// messages the search really reads (ticket.MaxMatches), written the language's way,
// in every language; it once said 2,000 while the search read 500.
func TestSearchNoteNamesTheBound(t *testing.T) {
	for _, lang := range i18n.Languages {
		l := i18n.For(lang)
		ctx := i18n.With(context.Background(), l)
		var b bytes.Buffer
		if err := SearchNote(true, false, AllStates{}).Render(ctx, &b); err != nil {
			t.Fatal(err)
		}
		got := html.UnescapeString(b.String())
		if n := l.Number(float64(ticket.MaxMatches())); !strings.Contains(got, n) || strings.Contains(got, "2,000") ||
			strings.Contains(got, "2.000") || strings.Contains(got, "2\u00a0000") {
			t.Errorf("%s: the note does not name %s: %s", lang, n, got)
		}
	}
}

// TestAllStatesOffer: a search that found nothing offers the same search over every
// ticket, worded for what it adds; none when it already covered every ticket.
func TestAllStatesOffer(t *testing.T) {
	q := func(s string) url.Values { v, _ := url.ParseQuery(s); return v }
	for _, c := range []struct {
		query, state, label string
	}{
		{"q=folie&state=open", "open", "ticket_search.all_states"},
		{"q=folie", "open", "ticket_search.all_states"}, // the default state
		{"q=folie&state=done&page=2", "done", "ticket_search.all_states_open"},
		{"q=folie&state=7", "7", "ticket_search.all_states_any"}, // a status of the back office
		{"q=folie&state=all", "all", ""},
		{"q=%2312&state=open", "all", ""}, // a ticket number searched every state already
		{"state=done", "done", ""},        // no words: nothing was searched
	} {
		got := AllStatesOffer("/tickets", q(c.query), c.state)
		if got.Label != c.label || (c.label == "") != (got.URL == "") {
			t.Errorf("%s (state %s): %+v, want label %q", c.query, c.state, got, c.label)
			continue
		}
		if got.URL != "" && (!strings.Contains(got.URL, "state=all") || strings.Contains(got.URL, "page=")) {
			t.Errorf("%s: offer leads to %s", c.query, got.URL)
		}
	}
}
