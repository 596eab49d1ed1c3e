package outbox

import (
	"strings"
	"testing"
)

// TestLetterDirection: a Hebrew mail's HTML part is laid out right to left, with the
// quote's bar on the right; the reply marker stays a left-to-right line (it is English
// and the inbound parser looks for it), and a quoted text takes its own direction (no
// fixed text-align, which would put a Hebrew reply on the left).
// A German mail stays left to right.
func TestLetterDirection(t *testing.T) {
	for _, c := range []struct{ lang, dir, bar string }{{"he", "rtl", "border-right:4px solid #d1d5db\">"}, {"de", "ltr", "border-left:4px solid #d1d5db\">"}} {
		l := Letter{To: "a@example.com", Lang: c.lang, Key: "mail.invitation", Sender: "Demo",
			Data:      map[string]any{"Name": "Anna", "Portal": "Demo", "Company": "Acme", "Days": 7},
			ActionURL: "https://portal.example/x", Marker: "##- marker -##", Quote: "Printer jams"}
		m, err := l.Render()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`<html lang="` + c.lang + `" dir="` + c.dir + `">`, `<p dir="ltr" style="font-size:12px;color:#6b7280">##- marker -##`,
			`<blockquote dir="auto" style="margin:16px 0;padding:8px 16px;white-space:pre-wrap;` + c.bar} {
			if !strings.Contains(m.HTML, want) {
				t.Errorf("%s: no %q in\n%s", c.lang, want, m.HTML)
			}
		}
	}
}
