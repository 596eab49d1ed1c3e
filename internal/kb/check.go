package kb

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Check validates an article's settings and, unless t is nil, its text, as Create and
// Update would, without storing anything: a form can then show every field's error at
// once together with its own checks (chosen companies, say), not one batch per submit.
// An empty slug passes: Create, and the settings form, make one from the title.
func Check(ctx context.Context, q db.Querier, tenantID int64, m Meta, t *Translation) (validate.Errors, error) {
	m.normalize()
	e := validate.Errors{}
	if t != nil {
		tr := *t
		normalizeTranslation(&tr)
		checkTranslation(tr, e)
	}
	if err := m.check(ctx, q, tenantID, e); err != nil {
		return nil, err
	}
	if m.Slug == "" {
		delete(e, "slug")
	}
	return e, nil
}
