package ticket

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"pforte/internal/db"
	"pforte/internal/words"
)

// maxQuery is how much of a list search is split into words: the search field's
// maxlength.
const maxQuery = 200

// maxMatches bounds the messages a search reads from the conversation index: the
// newest that hold every word. A word in a hundred thousand messages lists the tickets
// of its newest 500 (the list says so, SearchReport), in milliseconds; what fewer
// messages hold is found completely (BENCHMARKS.md).
var maxMatches = 500 // a variable so that tests can reach the bound with little data

// SearchReport tells how a list's search went; Filter.Report asks for it.
type SearchReport struct {
	// Capped: more messages hold the words than the search read (maxMatches), so
	// tickets whose matching messages are all older may be missing.
	Capped bool
	// Short: the search is too short for the conversation (fewer than three
	// characters, not a ticket number), so only titles were searched.
	Short bool
}

// matches is what a list search found in the conversation index: the tickets
// (newest match first) and, per ticket, its earliest message among the matches.
type matches struct {
	tickets []int64
	message map[int64]int64
}

// messageTerms are the words a list search looks for in the conversation, whole and
// folded: its words of at least two characters, for a search of at least three, none
// for a search that names a ticket number. Words carrying the scope mark are dropped:
// nobody types them, and they would widen the scope.
func messageTerms(query string) []string {
	term := db.SearchTerm(query)
	if !db.Indexed(term) {
		return nil
	}
	if _, only := searchNumber(term); only {
		return nil
	}
	var out []string
	for _, t := range words.Terms(term, maxQuery) {
		if utf8.RuneCountInString(t) >= 2 && !strings.Contains(t, scopeMark) {
			out = append(out, t)
		}
	}
	return out
}

// shortSearch reports whether query is too short to look into the conversation (fewer
// than three characters) without naming a ticket number.
func shortSearch(query string) bool {
	term := db.SearchTerm(query)
	if term == "" || db.Indexed(term) {
		return false
	}
	_, only := searchNumber(term)
	return !only
}

// searchConversation looks the search's words up in the conversation index, within the
// tenant for staff and within the company's public messages for the portal (the scope's
// word, search_index.go), newest messages first, at most maxMatches of them. When no one
// message holds every word, a ticket whose messages hold them between them is found
// (spread): "toner film" finds the ticket where one message names the toner and a later
// one the film.
func (f *Filter) searchConversation(ctx context.Context, q db.Querier, tenantID, companyID int64) error {
	if f.Report != nil {
		f.Report.Short = shortSearch(f.Query)
	}
	ts := messageTerms(f.Query)
	if len(ts) == 0 {
		return nil
	}
	f.words = ts
	scope := tenantWord(tenantID)
	if f.portal {
		scope = companyWord(companyID)
	}
	c, capped, err := f.lookup(ctx, q, tenantID, scope, ts)
	if err == nil && len(c.tickets) == 0 && len(ts) > 1 && len(ts) <= maxSpreadWords {
		c, capped, err = f.spread(ctx, q, tenantID, scope, ts)
	}
	if err != nil {
		return err
	}
	f.found = c
	if f.Report != nil {
		f.Report.Capped = capped
	}
	return nil
}

// maxSpreadWords bounds the words a spread search looks up one by one.
const maxSpreadWords = 6

// spread finds the tickets whose messages hold every word between them: each word's
// newest maxMatches messages, and the tickets all words share, in the order of the first
// word's matches. It reports capped when one word's lookup was.
func (f *Filter) spread(ctx context.Context, q db.Querier, tenantID int64, scope string, ts []string) (matches, bool, error) {
	first, capped, err := f.lookup(ctx, q, tenantID, scope, ts[:1])
	if err != nil || len(first.tickets) == 0 {
		return matches{}, capped, err
	}
	keep := first.message
	for _, w := range ts[1:] {
		m, c, err := f.lookup(ctx, q, tenantID, scope, []string{w})
		if err != nil {
			return matches{}, false, err
		}
		capped = capped || c
		next := map[int64]int64{}
		for tk, msg := range keep {
			if other, ok := m.message[tk]; ok {
				next[tk] = min(msg, other) // the earliest message that holds one of the words
			}
		}
		if keep = next; len(keep) == 0 {
			return matches{}, capped, nil
		}
	}
	out := matches{message: keep}
	for _, tk := range first.tickets {
		if _, ok := keep[tk]; ok {
			out.tickets = append(out.tickets, tk)
		}
	}
	return out, capped, nil
}

// lookup reads the newest maxMatches messages in scope that hold every word of ts, and
// reports whether it stopped at that bound.
func (f *Filter) lookup(ctx context.Context, q db.Querier, tenantID int64, scope string, ts []string) (matches, bool, error) {
	ws := append([]string{scope}, ts...)
	if q.Engine() == db.Postgres && !f.portal {
		ws = ts // the tenant_id column narrows it: no need to intersect with every message's word
	}
	query := `SELECT m.id, m.ticket_id FROM (SELECT rowid AS id FROM ticket_messages_search
		WHERE ticket_messages_search MATCH ? ORDER BY rowid DESC LIMIT ?) x JOIN ticket_messages m ON m.id = x.id
		WHERE m.tenant_id = ?`
	args := []any{words.FTSWords(ws), maxMatches, tenantID}
	if q.Engine() == db.Postgres {
		query = `SELECT id, ticket_id FROM ticket_messages WHERE search_tsv @@ ?::tsquery AND tenant_id = ? ORDER BY id DESC LIMIT ?`
		args = append(db.PlanEachTime(db.Postgres), words.TSWords(ws), tenantID, maxMatches)
	}
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return matches{}, false, fmt.Errorf("ticket: conversation search: %w", err)
	}
	defer rows.Close()
	c := matches{message: map[int64]int64{}}
	n := 0
	for rows.Next() {
		var msg, tk int64
		if err := rows.Scan(&msg, &tk); err != nil {
			return matches{}, false, fmt.Errorf("ticket: conversation search: %w", err)
		}
		n++
		if _, ok := c.message[tk]; !ok {
			c.tickets = append(c.tickets, tk)
		}
		c.message[tk] = msg // newest first: the last one kept is the earliest
	}
	if err := rows.Err(); err != nil {
		return matches{}, false, fmt.Errorf("ticket: conversation search: %w", err)
	}
	return c, n >= maxMatches, nil
}

// messageCond is the condition that the ticket is one the conversation search found.
// The ids go as one value (a JSON array for SQLite, an array literal for PostgreSQL),
// so the statement's text is the same for every search and stays prepared.
func (f Filter) messageCond(e db.Engine) (string, []any) {
	ids := make([]string, len(f.found.tickets))
	for i, id := range f.found.tickets {
		ids[i] = strconv.FormatInt(id, 10)
	}
	list := strings.Join(ids, ",")
	if e == db.Postgres {
		return `t.id = ANY(?::bigint[])`, []any{"{" + list + "}"}
	}
	return `t.id IN (SELECT value FROM json_each(?))`, []any{"[" + list + "]"}
}
