package kb

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"pforte/internal/db"
	"pforte/internal/words"
)

// maxTitles bounds the titles a correction reads its words from: a knowledge base has
// hundreds of articles, rarely thousands.
const maxTitles = 5000

// SearchCorrected is the search's very last try, after Search, SearchSome and
// SearchStems found nothing: each word no title holds is replaced by the title word
// closest to it — a letter missing, extra, wrong, or two swapped ("druker" →
// "drucker"; one such slip in words of up to six letters, two in longer ones) — or,
// when none is that close, split into two title words it runs together
// ("druckertreiber" → "drucker treiber"). It returns what the corrected words find and
// those words ("" when nothing was corrected), for the page to say what it searched
// for instead. The title words come from the articles the viewer may read, and the
// names of their categories (the reader sees both on the start page: "Drucker &
// Geräte" lends "drucker" when the titles only say "Multifunktionsdrucker"), so a
// correction never shows a word of an article hidden from them. Of two words as
// close, the one in the reader's language wins ("pasword" is "passwort" to a German
// reader, "password" to an English one). A miss costs one query of titles and names
// and at most one more search.
func SearchCorrected(ctx context.Context, q db.Querier, v Viewer, text string, limit int) ([]Summary, string, error) {
	ks := keywords(text)
	if len(ks) == 0 || limit <= 0 {
		return nil, "", nil
	}
	vocab, err := titleWords(ctx, q, v)
	if err != nil {
		return nil, "", err
	}
	changed := false
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k
		if fix := vocab.correct(k); fix != "" {
			out[i], changed = fix, true
		}
	}
	if !changed {
		return nil, "", nil
	}
	corrected := strings.Join(out, " ")
	hits, err := Search(ctx, q, v, corrected, limit)
	if err == nil && len(hits) == 0 {
		hits, err = SearchSome(ctx, q, v, corrected, limit)
	}
	if err != nil || len(hits) == 0 {
		return nil, "", err
	}
	return hits, corrected, nil
}

// vocabulary holds the words of the titles and category names a viewer may read as
// written (lower-case), with in how many each stands, the best rank (Viewer.rank) of
// a language they stand in, and their folded forms (db.Fold): a word typed "waerme"
// is in a title that says "Wärme".
type vocabulary struct {
	count  map[string]int
	rank   map[string]int
	folded map[string]bool
}

// titleWords reads the words of the titles, in every language, of the articles v may
// read, and the names of those articles' categories: the main name (in the tenant's
// language) and its translations.
func titleWords(ctx context.Context, q db.Querier, v Viewer) (vocabulary, error) {
	vocab := vocabulary{count: map[string]int{}, rank: map[string]int{}, folded: map[string]bool{}}
	cond, args := v.visible()
	cats := `SELECT a.category_id FROM kb_articles a WHERE ` + cond
	all := append([]any{v.TenantID}, args...)
	all = append(append(append(all, v.Fallback, v.TenantID), args...), v.TenantID)
	all = append(append(all, args...), maxTitles)
	rows, err := q.Query(ctx, `SELECT t.title, t.language FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id
		WHERE t.tenant_id = ? AND `+cond+`
		UNION ALL SELECT c.name, CAST(? AS TEXT) FROM kb_categories c WHERE c.tenant_id = ? AND c.id IN (`+cats+`)
		UNION ALL SELECT n.name, n.language FROM kb_category_names n WHERE n.tenant_id = ? AND n.category_id IN (`+cats+`)
		LIMIT ?`, all...)
	if err != nil {
		return vocab, fmt.Errorf("kb: title words: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s, lang string
		if err := rows.Scan(&s, &lang); err != nil {
			return vocab, fmt.Errorf("kb: title words: %w", err)
		}
		rank := v.rank(lang)
		seen := map[string]bool{}
		for _, w := range words.Split(s) {
			if !seen[w] && correctable(w, 3) {
				seen[w] = true
				if r, ok := vocab.rank[w]; !ok || rank < r {
					vocab.rank[w] = rank
				}
				vocab.count[w]++
				vocab.folded[db.Fold(w)] = true
			}
		}
	}
	return vocab, rows.Err()
}

// correctable: a word of at least min letters and no digits (an order number or a
// model is not misspelt, it is another one).
func correctable(w string, min int) bool {
	return utf8.RuneCountInString(w) >= min && strings.IndexFunc(w, unicode.IsDigit) < 0
}

// correct returns the word to search for instead of k, "" to keep k: k itself or its
// folded form is a title word, or none is close enough.
func (vocab vocabulary) correct(k string) string {
	if !correctable(k, 4) || vocab.folded[db.Fold(k)] {
		return ""
	}
	n := utf8.RuneCountInString(k)
	limit := 1
	if n > 6 {
		limit = 2
	}
	best, bestD := "", limit+1
	for w := range vocab.count {
		if abs(utf8.RuneCountInString(w)-n) > limit {
			continue
		}
		// Closest first, then the reader's language, the word more titles hold,
		// then by spelling: the choice does not depend on the map's order.
		if d := distance(k, w, limit); d <= limit && (d < bestD || d == bestD && vocab.before(w, best)) {
			best, bestD = w, d
		}
	}
	if best != "" {
		return best
	}
	return vocab.split(k)
}

// before reports whether w is the better of two corrections as close: the one in a
// language the reader prefers, else the one more titles hold, else the first by
// spelling.
func (vocab vocabulary) before(w, other string) bool {
	if c := cmp.Compare(vocab.rank[w], vocab.rank[other]); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(vocab.count[w], vocab.count[other]); c != 0 {
		return c > 0
	}
	return w < other
}

// split returns k as two title words it runs together ("drucker treiber"), each of at
// least three letters, the most common pair first; "" when there is none.
func (vocab vocabulary) split(k string) string {
	r := []rune(k)
	best, bestN := "", 0
	for i := 3; i <= len(r)-3; i++ {
		a, b := string(r[:i]), string(r[i:])
		if n := min(vocab.count[a], vocab.count[b]); n > bestN {
			best, bestN = a+" "+b, n
		}
	}
	return best
}

// distance is the optimal string alignment distance of a and b by letters (insert,
// delete, replace, swap two neighbours), or limit+1 once it is sure to exceed limit.
func distance(a, b string, limit int) int {
	x, y := []rune(a), []rune(b)
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(y)], limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
