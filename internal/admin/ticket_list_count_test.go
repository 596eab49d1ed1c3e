package admin

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/i18n"
)

// TestQueueCountNumbers: the queue's count line writes its numbers the reader's way,
// exactly 1,000 as well as "more than 1,000", and keeps the singular for one ticket.
func TestQueueCountNumbers(t *testing.T) {
	for _, c := range []struct {
		lang string
		view queueView
		want string
	}{
		{"en", queueView{Count: 1000}, "1,000 tickets"},
		{"de", queueView{Count: 1000}, "1.000 Tickets"},
		{"de", queueView{Count: 1000, Many: true}, "Mehr als 1.000 Tickets"},
		{"fr", queueView{Count: 1000}, "1\u00a0000 tickets"},
		{"en", queueView{Count: 1}, "1 ticket"},
		{"da", queueView{Count: 37}, "37 sager"},
	} {
		var b strings.Builder
		ctx := i18n.With(context.Background(), i18n.For(c.lang))
		if err := queueCountLine(c.view).Render(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), ">"+c.want+"<") {
			t.Errorf("%s count %d (more %v): %s, want %q", c.lang, c.view.Count, c.view.Many, b.String(), c.want)
		}
	}
}
