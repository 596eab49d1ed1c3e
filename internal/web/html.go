package web

import (
	"context"
	"io"

	"github.com/a-h/templ"
)

// HTML writes markup by hand for the few loops where templ's cost shows: templ passes
// every interpolated value through fmt.Sprint, a copy and several allocations each,
// which at a list's 50 rows of a dozen values was most of the page's rendering. Raw
// strings go out as they are, Text is escaped; the first write error sticks and is
// returned by Err.
type HTML struct {
	w   io.Writer
	err error
}

// NewHTML writes to w (inside a templ component: the component's writer).
func NewHTML(w io.Writer) *HTML { return &HTML{w: w} }

// Raw writes markup as it is; only constants of the caller belong here.
func (h *HTML) Raw(parts ...string) {
	for _, s := range parts {
		if h.err != nil {
			return
		}
		_, h.err = io.WriteString(h.w, s)
	}
}

// Text writes s escaped for an element's text or a quoted attribute value.
func (h *HTML) Text(s string) {
	h.Raw(templ.EscapeString(s))
}

// Err is the first write error.
func (h *HTML) Err() error { return h.err }

// Bytes writes markup rendered earlier (a fragment from Fragments) as it is.
func Bytes(b []byte) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
