package portal

import (
	"context"

	"pforte/internal/kb"
)

// relatedMax is how many other articles of its category an article's page offers.
const relatedMax = 5

// kbRelated lists the most-read other articles of the article's category that the
// reader may see, for "More in <category>" below it: a reader whose question the
// article did not quite answer finds its neighbours without going back to search.
// Articles without a category have none.
func (p *Portal) kbRelated(ctx context.Context, rd *reader, pg kb.Page) ([]kb.Summary, error) {
	if pg.CategoryID == 0 {
		return nil, nil
	}
	list, _, err := kb.Articles(ctx, p.env.DB, rd.V, pg.CategoryID, kb.ByPopular, 0, relatedMax+1)
	if err != nil {
		return nil, err
	}
	out := make([]kb.Summary, 0, relatedMax)
	for _, s := range list {
		if s.ID != pg.ID && len(out) < relatedMax {
			out = append(out, s)
		}
	}
	return out, nil
}
