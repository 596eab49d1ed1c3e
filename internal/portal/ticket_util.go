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

// sizeLabel is a file size for people: bytes, KB or MB.
func sizeLabel(ctx context.Context, n int64) string {
	switch {
	case n >= 1<<20:
		return i18n.From(ctx).Number(float64(int64(float64(n)/(1<<20)*10))/10) + " MB"
	case n >= 1<<10:
		return i18n.From(ctx).Number(float64(n>>10)) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

func errorIs(err, target error) bool { return errors.Is(err, target) }
