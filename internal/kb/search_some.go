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
	var m wordMatches
	for _, k := range ks {
		found, err := Search(ctx, q, v, k, limit)
		if err != nil {
			return nil, err
		}
		m.add(found, nil)
	}
	return m.ranked(limit), nil
}

// wordMatches gathers the articles found word by word (SearchSome, SearchStems) with
// how many of the words each holds.
type wordMatches struct {
	out  []Summary
	hits map[int64]int
}

// add counts found for one word; counted, when set, holds the articles already counted
// for that word (by another of its variants), so a word counts once per article.
func (m *wordMatches) add(found []Summary, counted map[int64]bool) {
	if m.hits == nil {
		m.hits = map[int64]int{}
	}
	for _, s := range found {
		if counted != nil {
			if counted[s.ID] {
				continue
			}
			counted[s.ID] = true
		}
		if m.hits[s.ID] == 0 {
			m.out = append(m.out, s)
		}
		m.hits[s.ID]++
	}
}

// ranked lists the articles with the most words first, at most limit. Stable: among
// articles with as many words, the earlier word's best match first.
func (m *wordMatches) ranked(limit int) []Summary {
	slices.SortStableFunc(m.out, func(a, b Summary) int { return m.hits[b.ID] - m.hits[a.ID] })
	if len(m.out) > limit {
		return m.out[:limit]
	}
	return m.out
}
