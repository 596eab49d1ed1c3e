package kb

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"pforte/internal/db"
	"pforte/internal/words"
)

// MaxSuggestions bounds the articles suggested beside a new ticket's title.
const MaxSuggestions = 5

// Suggest returns up to limit (at most MaxSuggestions) articles the viewer may read that
// match text, e.g. the title of a ticket being written. Other packages (the ticket
// form) call it; so does the portal's /kb/suggest fragment.
//
// Unlike Search it needs only ANY meaningful word of text (stop words such as "geht",
// "nicht", "the" are dropped, see keywords), and a word may sit inside a longer one
// ("drucker" finds "Multifunktionsdrucker") or differ in its ending ("druckt" finds
// "Drucker"): a ticket title is a sentence, not a search query, and German packs
// words into compounds the full-text indexes cannot look into. The articles are ranked
// by relevance (see suggestScore), computed in SQL the same way on both engines, so
// both return the same list in the same order.
func Suggest(ctx context.Context, q db.Querier, v Viewer, text string, limit int) ([]Summary, error) {
	if limit <= 0 || limit > MaxSuggestions {
		limit = MaxSuggestions
	}
	ks := keywords(text)
	if len(ks) == 0 {
		return nil, nil
	}
	score, args := suggestScore(ks)
	cond, vargs := v.visible()
	args = append(append(args, v.TenantID), vargs...)
	// A scan of the tenant's translations: a knowledge base holds hundreds of articles,
	// not millions, and substrings are what neither full-text index can find.
	rows, err := q.Query(ctx, `SELECT id, slug, title, language, category_id, category_name, updated_at, views FROM (
		SELECT a.id, a.slug, t.title, t.language, COALESCE(a.category_id, 0) AS category_id,
			COALESCE(c.name, '') AS category_name, a.updated_at, a.views, `+score+` AS score
		FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id
		LEFT JOIN kb_categories c ON c.id = a.category_id
		WHERE t.tenant_id = ? AND `+cond+`) s
		WHERE score > 0 ORDER BY score DESC, views DESC, id, language LIMIT ?`, append(args, maxRows)...)
	if err != nil {
		return nil, fmt.Errorf("kb: suggest: %w", err)
	}
	defer rows.Close()
	var out []Summary
	pos := map[int64]int{}
	for rows.Next() {
		var s Summary
		var at int64
		if err := rows.Scan(&s.ID, &s.Slug, &s.Title, &s.Language, &s.CategoryID, &s.CategoryName, &at, &s.Views); err != nil {
			return nil, fmt.Errorf("kb: suggest: %w", err)
		}
		s.UpdatedAt = time.Unix(at, 0)
		out = v.keepBest(out, pos, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Points a keyword earns a translation, best place first: the whole word in the title,
// its stem in the title, the whole word in the text, its stem in the text.
const (
	pointsTitle     = 4
	pointsTitleStem = 3
	pointsBody      = 2
	pointsBodyStem  = 1
)

// suggestScore is the SQL expression (on translation alias t) that adds up the points
// of every keyword, with its arguments. search_title and search_body hold the words
// lower-cased and separated by single spaces (see searchText); a leading space lets a
// pattern ask for a word's beginning.
func suggestScore(ks []string) (string, []any) {
	parts := make([]string, len(ks))
	var args []any
	for i, k := range ks {
		whole, stem := likePattern(k), likePattern(stemOf(k))
		parts[i] = fmt.Sprintf(`CASE WHEN (' ' || t.search_title) LIKE ? THEN %d WHEN (' ' || t.search_title) LIKE ? THEN %d
			WHEN (' ' || t.search_body) LIKE ? THEN %d WHEN (' ' || t.search_body) LIKE ? THEN %d ELSE 0 END`,
			pointsTitle, pointsTitleStem, pointsBody, pointsBodyStem)
		args = append(args, whole, stem, whole, stem)
	}
	return "(" + strings.Join(parts, " + ") + ")", args
}

// minInfix is the length from which a keyword may match inside a word. Shorter ones
// ("vpn", "pc") must start a word, or they would match half the knowledge base.
const minInfix = 4

// likePattern is the LIKE pattern for a keyword. Keywords hold only letters and digits
// (see words.Split), never LIKE's % or _, so they need no escaping.
func likePattern(k string) string {
	if utf8.RuneCountInString(k) < minInfix {
		return "% " + k + "%"
	}
	return "%" + k + "%"
}

// stemOf cuts a long word's ending ("druckt", "drucker" → "druck"; "anmelden" →
// "anmeld", which finds "Anmeldung"): a crude stemmer for every language, good enough
// to rank suggestions. Words of five letters or fewer stay whole.
func stemOf(k string) string {
	r := []rune(k)
	if len(r) <= 5 {
		return k
	}
	return string(r[:max(5, len(r)-2)])
}

// keywords are the distinct meaningful words of a ticket title, at most maxTerms, from
// its first MaxSearch characters: stop words and single letters left out.
func keywords(text string) []string {
	return words.Distinct(text, MaxSearch, func(w string) bool { return utf8.RuneCountInString(w) >= 2 && !stopWords[w] })
}
