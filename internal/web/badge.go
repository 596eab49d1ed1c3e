package web

import (
	"context"
	"io"

	"github.com/a-h/templ"
)

// Badge renders <span class="class">label</span>. It is written by hand because templ
// turns every class attribute into a class-list merge (a map and fmt.Sprint per call),
// and the ticket lists show two badges on each of their 50 rows.
func Badge(class, label string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, `<span class="`+templ.EscapeString(class)+`">`+templ.EscapeString(label)+`</span>`)
		return err
	})
}
