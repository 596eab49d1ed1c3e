package web

import (
	"context"
	"strings"
	"testing"
)

// TestIsolated: the isolated values of a sentence become <bdi> elements, the text
// around them is escaped, and a sentence without isolates (a left-to-right page) or
// with an unfinished one stays plain text.
func TestIsolated(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"מועד יעד: \u206623.11.2026, 15:00 CET\u2069", `מועד יעד: <bdi dir="ltr" class="ltr-run">23.11.2026, 15:00 CET</bdi>`},
		{"<\u2066a\u2069 & \u2066b<\u2069.", `&lt;<bdi dir="ltr" class="ltr-run">a</bdi> &amp; <bdi dir="ltr" class="ltr-run">b&lt;</bdi>.`},
		{"Due: 23/11/2026, 15:00 CET", "Due: 23/11/2026, 15:00 CET"},
		{"open \u2066end", "open \u2066end"},
	} {
		var b strings.Builder
		if err := Isolated(c.in).Render(context.Background(), &b); err != nil || b.String() != c.want {
			t.Errorf("Isolated(%q) = %q, %v; want %q", c.in, b.String(), err, c.want)
		}
	}
}
