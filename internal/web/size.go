package web

import (
	"context"
	"strconv"

	"pforte/internal/i18n"
)

// FileSize shows a byte count in B, KB or MB, in the reader's number format.
func FileSize(ctx context.Context, n int64) string {
	l := i18n.From(ctx)
	switch {
	case n < 1<<10:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1<<20:
		return l.Number(float64((n+1023)>>10)) + " KB"
	}
	return l.Number(float64(n*10>>20)/10) + " MB"
}
