package admin

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/kb"
)

// kbHiddenImages lists the images of an article's texts its readers will not see,
// each with the title of the article it belongs to, so the editor can say why: a
// picture copied from an internal article into a public one is broken for visitors.
func (a *Admin) kbHiddenImages(r *http.Request, v *visit, art kb.Article) ([]kbHiddenImage, error) {
	ctx := r.Context()
	hidden, err := kb.HiddenImages(ctx, a.env.DB, art)
	if err != nil || len(hidden) == 0 {
		return nil, err
	}
	out := make([]kbHiddenImage, 0, len(hidden))
	for _, h := range hidden {
		im := kbHiddenImage{HiddenImage: h}
		if h.ArticleID != 0 {
			owner, err := kb.Get(ctx, a.env.DB, v.P.TenantID, h.ArticleID)
			if err != nil && !errors.Is(err, db.ErrNotFound) {
				return nil, err
			}
			im.Title = owner.Title(i18n.From(ctx).Lang, v.Tenant.DefaultLanguage)
		}
		out = append(out, im)
	}
	return out, nil
}
