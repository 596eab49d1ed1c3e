package web

import (
	"context"
	"io"
	"strings"

	"github.com/a-h/templ"
)

// Isolated writes s, a translated sentence, turning each value that LTR isolated (a
// date, a size: LRI … PDI, only on right-to-left pages) into a <bdi dir="ltr"
// class="ltr-run">, which the stylesheet keeps together as an inline block. The
// isolate alone keeps the value's order, but a narrow card broke it over two lines,
// each laid out on its own: "מועד יעד: 23.11.2026, 15:00 CET" showed the date with its
// comma beside the label and the time on the next line. As a block, the value moves
// to the next line whole and wraps, if it must, inside itself. Left-to-right pages
// carry no isolates and get the plain text.
func Isolated(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		h := NewHTML(w)
		for {
			i := strings.Index(s, lri)
			if i < 0 {
				break
			}
			n := strings.Index(s[i:], pdi)
			if n < 0 {
				break
			}
			h.Text(s[:i])
			h.Raw(`<bdi dir="ltr" class="ltr-run">`)
			h.Text(s[i+len(lri) : i+n])
			h.Raw(`</bdi>`)
			s = s[i+n+len(pdi):]
		}
		h.Text(s)
		return h.Err()
	})
}
