package web

import (
	"context"
	"io"

	"github.com/a-h/templ"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// ratingClass is the badge class of each rating a ticket can have.
var ratingClass = map[string]string{ticket.RatingGood: "badge ok", ticket.RatingBad: "badge danger"}

// RatingBadge shows a ticket's rating as a badge in the reader's language, the same in
// the portal and the back office; no rating (or an unknown value) shows nothing.
func RatingBadge(value string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		class, ok := ratingClass[value]
		if !ok {
			return nil
		}
		return Badge(class, i18n.T(ctx, "ticket_rating.value."+value)).Render(ctx, w)
	})
}
