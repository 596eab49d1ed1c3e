package portal

import (
	"context"
	"errors"
	"strconv"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// statusLabel is a status's name in the reader's language: the tenant's translation
// of its own name when the request loaded them (withNames), else the main name.
func statusLabel(ctx context.Context, s ticket.Status) string {
	return ticket.NamesFrom(ctx).Status(i18n.From(ctx), s)
}

// categoryName is category id's name in the reader's language, or its main name.
func categoryName(ctx context.Context, id int64, main string) string {
	return ticket.NamesFrom(ctx).Category(i18n.From(ctx).Lang, id, main)
}

func ticketURL(id int64, rest string) string {
	return "/tickets/" + strconv.FormatInt(id, 10) + rest
}

func errorIs(err, target error) bool { return errors.Is(err, target) }
