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

// minInside is the shortest term looked for inside words: shorter ones ("an", "in")
// are inside nearly every word and would find everything.
const minInside = 3

// insideRows bounds the translations the inside search reads.
const insideRows = 200

// searchInside finds more articles for a search whose words stand inside longer words:
// German joins nouns into one ("druck" in "Multifunktionsdrucker", "passwort" in
// "Einmalpasswort"), and the word indexes find only beginnings. It runs only when the
// word search found fewer than limit articles, compares the same lower-case word text
// (search_title, search_body) on both engines, so they agree, and reads a tenant's
// translations without an index: a knowledge base holds hundreds of articles, not
// millions. Title matches come first. Articles in found are not repeated.
func searchInside(ctx context.Context, q db.Querier, v Viewer, ts []string, limit int, found []Summary) ([]Summary, error) {
	for _, t := range ts {
		if utf8.RuneCountInString(t) < insideMin(t) {
			return found, nil
		}
	}
	cond, vargs := v.visible()
	where := make([]string, len(ts))
	args := []any{"% " + ts[0] + "%"} // the first term inside a title word: ranked first
	for i, t := range ts {
		where[i] = `(t.search_title || ' ' || t.search_body) LIKE ?`
		args = append(args, "%"+t+"%") // terms hold only letters and digits: no LIKE wildcards
	}
	args = append(append(append(args, v.TenantID), vargs...), insideRows)
	rows, err := q.Query(ctx, `SELECT a.id, a.slug, t.title, t.language, COALESCE(a.category_id, 0), COALESCE(c.name, ''),
		a.updated_at, a.views, t.id, CASE WHEN (' ' || t.search_title) LIKE ? THEN 0 ELSE 1 END AS in_title,
		t.search_title || ' ' || t.search_body
		FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id
		LEFT JOIN kb_categories c ON c.id = a.category_id
		WHERE `+strings.Join(where, " AND ")+` AND t.tenant_id = ? AND `+cond+`
		ORDER BY in_title, a.id LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("kb: search inside words: %w", err)
	}
	defer rows.Close()
	had := map[int64]bool{}
	for _, s := range found {
		had[s.ID] = true
	}
	out, pos, tids := found, map[int64]int{}, map[int64]int64{}
	for rows.Next() {
		var s Summary
		var at, tid int64
		var inTitle int
		var text string
		if err := rows.Scan(&s.ID, &s.Slug, &s.Title, &s.Language, &s.CategoryID, &s.CategoryName, &at, &s.Views, &tid, &inTitle, &text); err != nil {
			return nil, fmt.Errorf("kb: search inside words: %w", err)
		}
		if had[s.ID] || !insideAll(text, ts) {
			continue
		}
		s.UpdatedAt = time.Unix(at, 0)
		out = v.keepTranslation(out, pos, tids, s, tid)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close() // before the next query: SQLite's readers are a bounded pool
	out = out[:min(len(out), limit)]
	if err := insideSnippets(ctx, q, v.TenantID, ts, out[len(found):], tids); err != nil {
		return nil, err
	}
	return out, nil
}

// insideSnippet is a piece of the article's text around the first term found, with
// every occurrence of a term in it between the match markers; occurrences the search
// does not count (insidePart) stay unmarked.
func insideSnippet(plain string, ts []string) string {
	text := []rune(plain)
	lower := []rune(strings.ToLower(plain))
	if len(lower) != len(text) { // a letter whose lower case has another length: no marks
		lower = nil
	}
	const before, width = 40, 160
	start := 0
	if lower != nil {
		if i := partIndex(lower, []rune(ts[0])); i > before {
			start = i - before
		}
	}
	end := min(len(text), start+width)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	for i := start; i < end; {
		n := 0
		for _, t := range ts {
			if r := []rune(t); lower != nil && i+len(r) <= end && indexRunes(lower[i:i+len(r)], r, 0) == 0 && partAt(lower, i, t) {
				n = max(n, len(r))
			}
		}
		if n == 0 {
			b.WriteRune(text[i])
			i++
			continue
		}
		b.WriteString(words.MarkOpen + string(text[i:i+n]) + words.MarkClose)
		i += n
	}
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// indexRunes is the position of sub in s from from on, -1 when it is not there.
func indexRunes(s, sub []rune, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		match := true
		for j, r := range sub {
			if s[i+j] != r {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
