package portal

import (
	"context"
	"errors"
	"strconv"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// statusLabel is a status's name in the reader's language.
func statusLabel(ctx context.Context, s ticket.Status) string {
	key, name := s.Label()
	if key != "" {
		return i18n.T(ctx, key)
	}
	return name
}

func ticketURL(id int64, rest string) string {
	return "/tickets/" + strconv.FormatInt(id, 10) + rest
}

func errorIs(err, target error) bool { return errors.Is(err, target) }
