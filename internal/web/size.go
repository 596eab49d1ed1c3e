package web

import (
	"context"

	"pforte/internal/i18n"
)

// FileSize shows a byte count in the language of ctx (i18n.Localizer.FileSize),
// isolated left to right on right-to-left pages (LTR): "1.5 MB", not "MB 1.5".
func FileSize(ctx context.Context, n int64) string { return LTR(ctx, i18n.From(ctx).FileSize(n)) }
