package web

import (
	"context"

	"pforte/internal/i18n"
)

// FileSize shows a byte count in the language of ctx (i18n.Localizer.FileSize).
func FileSize(ctx context.Context, n int64) string { return i18n.From(ctx).FileSize(n) }
