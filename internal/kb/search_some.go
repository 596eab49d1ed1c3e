package kb

import (
	"context"
	"slices"

	"pforte/internal/db"
)

// SearchSome is the search's second try, for when no article contains every word of
// text: articles containing some of its words (stop words left out), those with the
// most of them first. The ticket form's suggestions match single words too, so without
// it "search the knowledge base" under a suggestion could answer "nothing found". Each
// word is one bounded Search; it runs only after the full search found nothing.
func SearchSome(ctx context.Context, q db.Querier, v Viewer, text string, limit int) ([]Summary, error) {
	ks := keywords(text)
	if len(ks) < 2 || limit <= 0 {
		return nil, nil // one word: Search has tried it already
	}
	var out []Summary
	hits := map[int64]int{} // article → words it contains
	for _, k := range ks {
		found, err := Search(ctx, q, v, k, limit)
		if err != nil {
			return nil, err
		}
		for _, s := range found {
			if hits[s.ID] == 0 {
				out = append(out, s)
			}
			hits[s.ID]++
		}
	}
	// Stable: among articles with as many words, the earlier word's best match first.
	slices.SortStableFunc(out, func(a, b Summary) int { return hits[b.ID] - hits[a.ID] })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
