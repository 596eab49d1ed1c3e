package portal

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// newsRowRE finds a row's ticket and its badge.
var newsRowRE = regexp.MustCompile(`href="/tickets/(\d+)">[^<]*</a>( <span class="badge news">(New reply|New ticket)</span>)?</td>`)

// TestNewsMarks: the kept rows carry a mark per ticket with news, and newsBody turns
// each into the badge or nothing for the reader; titles that look like marks stay text.
func TestNewsMarks(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("en"))
	rows := []ticket.Ticket{
		{ID: 11, Title: "Staff answered", PortalNews: ticket.News{Count: 2}},                // new: never opened
		{ID: 12, Title: "Read already", PortalNews: ticket.News{Count: 3}},                  // seen 3
		{ID: 13, Title: "My own answer", PortalNews: ticket.News{Count: 4, By: 7}},          // the reader's own
		{ID: 14, Title: "Before read marks"},                                                // no news: no mark
		{ID: 15, Title: "<!--news 15 9 0-->", PortalNews: ticket.News{Count: 1, By: 8}},     // a colleague wrote
		{ID: 16, Title: "Help!--news 16 9 0--> now", PortalNews: ticket.News{Count: 5}},     // seen 4 of 5
		{ID: 17, Title: "Seen more than counted", PortalNews: ticket.News{Count: 1, By: 0}}, // seen 2
	}
	var kept bytes.Buffer
	if err := ticketRows(rows).Render(ctx, &kept); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(kept.String(), "<!--news "); n != 6 {
		t.Fatalf("%d marks kept, want 6: %s", n, kept.String())
	}
	var out bytes.Buffer
	seen := map[int64]int64{12: 3, 16: 4, 17: 2}
	if err := newsBody(kept.Bytes(), findNews(kept.Bytes()), 7, seen).Render(ctx, &out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	if strings.Contains(page, "<!--") {
		t.Fatalf("a mark reached the page: %s", page)
	}
	var got []bool
	for _, m := range newsRowRE.FindAllStringSubmatch(page, -1) {
		got = append(got, m[2] != "")
	}
	// Ticket 15's one message opened it, and the reader never opened it: "New ticket".
	var badges []string
	for _, m := range newsRowRE.FindAllStringSubmatch(page, -1) {
		badges = append(badges, m[3])
	}
	want := []bool{true, false, false, false, true, true, false}
	if len(badges) == len(want) && (badges[0] != "New reply" || badges[4] != "New ticket" || badges[5] != "New reply") {
		t.Errorf("badges %q: want New reply, New ticket (15), New reply (16)", badges)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows: %s", len(got), page)
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("row %d (ticket %d): New reply %v, want %v", i, rows[i].ID, got[i], w)
		}
	}
	for _, title := range []string{"&lt;!--news 15 9 0--&gt;", "Help!--news 16 9 0--&gt; now"} {
		if !strings.Contains(page, title) {
			t.Errorf("title %q not shown as text", title)
		}
	}
}
