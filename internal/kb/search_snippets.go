package kb

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
	"pforte/internal/words"
)

// A snippet is built from an article's whole text, and an article holds up to MaxBody
// characters: the searches read the texts, and build snippets, only for the results
// they return, not for the up to maxRows translations they rank (see Search).

// wordSnippets gives the word search's results their snippets: the engine's own, with
// the words it matched marked, or, where it marks nothing (a title-only match, a folded
// spelling), wordSnippet. tids holds each result's translation.
func wordSnippets(ctx context.Context, q db.Querier, tenantID int64, ts []string, out []Summary, tids map[int64]int64) error {
	if len(out) == 0 {
		return nil
	}
	ids := translationIDs(out, tids)
	query := `SELECT t.id, snippet(kb_search, 1, char(1), char(2), '…', 24), t.plain
		FROM kb_search JOIN kb_translations t ON t.id = kb_search.rowid
		WHERE kb_search MATCH ? AND t.tenant_id = ? AND t.id IN (` + db.Marks(len(ids)) + `)`
	args := []any{words.FTSQuery(ts), tenantID}
	if q.Engine() == db.Postgres {
		query = `SELECT t.id, ts_headline('simple', t.plain, qq, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) ||
				', MaxWords=30, MinWords=12, ShortWord=1, MaxFragments=2, FragmentDelimiter=" … "'), t.plain
			FROM to_tsquery('simple', ?) qq, kb_translations t
			WHERE t.tenant_id = ? AND t.id IN (` + db.Marks(len(ids)) + `)`
		args = []any{words.TSQuery(ts), tenantID}
	}
	texts, err := snippetTexts(ctx, q, query, append(args, ids...))
	if err != nil {
		return err
	}
	for i := range out {
		x := texts[tids[out[i].ID]]
		snip := x.snippet
		if !strings.Contains(snip, words.MarkOpen) { // matched by a folded spelling: the engine marks nothing
			snip = words.Snippet(x.plain, ts)
		}
		out[i].Snippet = words.Mark(snippetLines(snip)) // blocks on lines of their own read apart (snippet_lines.go)
	}
	return nil
}

// insideSnippets gives the inside search's results (see searchInside) their snippets.
func insideSnippets(ctx context.Context, q db.Querier, tenantID int64, ts []string, out []Summary, tids map[int64]int64) error {
	if len(out) == 0 {
		return nil
	}
	ids := translationIDs(out, tids)
	texts, err := snippetTexts(ctx, q, `SELECT t.id, '', t.plain FROM kb_translations t
		WHERE t.tenant_id = ? AND t.id IN (`+db.Marks(len(ids))+`)`, append([]any{tenantID}, ids...))
	if err != nil {
		return err
	}
	for i := range out {
		plain := texts[tids[out[i].ID]].plain
		snip := insideSnippet(plain, ts)
		if !strings.Contains(snip, words.MarkOpen) { // matched by a folded spelling
			snip = words.Snippet(plain, ts)
		}
		out[i].Snippet = words.Mark(snippetLines(snip)) // blocks on lines of their own read apart (snippet_lines.go)
	}
	return nil
}

// translationIDs are the translations of the results, as query arguments.
func translationIDs(out []Summary, tids map[int64]int64) []any {
	ids := make([]any, len(out))
	for i, s := range out {
		ids[i] = tids[s.ID]
	}
	return ids
}

// snippetText is a translation's engine snippet (if asked for) and its plain text.
type snippetText struct{ snippet, plain string }

// snippetTexts runs query, which selects a translation's id, snippet and plain text.
func snippetTexts(ctx context.Context, q db.Querier, query string, args []any) (map[int64]snippetText, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("kb: search snippets: %w", err)
	}
	defer rows.Close()
	texts := map[int64]snippetText{}
	for rows.Next() {
		var id int64
		var x snippetText
		if err := rows.Scan(&id, &x.snippet, &x.plain); err != nil {
			return nil, fmt.Errorf("kb: search snippets: %w", err)
		}
		texts[id] = x
	}
	return texts, rows.Err()
}
