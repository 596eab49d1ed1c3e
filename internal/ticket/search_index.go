package ticket

import (
	"context"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/words"
)

// indexed is one message's words for the conversation index (migration 00064): its text
// and the names of its files, so "rechnung" finds a ticket with Rechnung_2026.pdf, for
// the opening message the ticket's subject, and the words of its scope (scopeOf).
type indexed struct {
	id    int64
	words []string
}

// scopeMark starts the words that say whose a message is. It is a private-use
// character, which the index keeps inside words (words.IsWordRune) and people hardly
// type; words of a text or a search that carry it are dropped (messageWords,
// messageTerms), so no text's word is ever taken for a scope's.
const scopeMark = "\ue000"

// tenantWord is in the index for every message of the tenant: the staff's search asks
// for it with the search's words, so it reads only the tenant's matches.
func tenantWord(tenantID int64) string { return scopeMark + "t" + strconv.FormatInt(tenantID, 10) }

// companyWord is in the index for the company's public messages: the portal's search
// asks for it, so it reads only what the company's contacts may see, never an internal
// note. A message keeps its company (a merge joins tickets of one company).
func companyWord(companyID int64) string { return scopeMark + "c" + strconv.FormatInt(companyID, 10) }

// scopeOf are the scope's words of a message of the tenant's company.
func scopeOf(tenantID, companyID int64, internal bool) []string {
	if internal {
		return []string{tenantWord(tenantID)}
	}
	return []string{tenantWord(tenantID), companyWord(companyID)}
}

// messageWords are the words indexed for a message with body and file names in scope;
// the opening message has the ticket's subject too.
func messageWords(scope []string, subject, body string, files []string) []string {
	if subject != "" {
		body = subject + "\n" + body
	}
	if len(files) > 0 {
		body += "\n" + strings.Join(files, "\n")
	}
	out := scope
	for _, w := range words.Index(body) {
		// A text's word that carries the mark (a sender can type one) would put the
		// message into a scope: an internal note into the company's portal search.
		if !strings.Contains(w, scopeMark) {
			out = append(out, w)
		}
	}
	return out
}

// writeIndex stores the words of messages in the conversation index, in one statement:
// SQLite's contentless FTS5 table takes rows by message id, PostgreSQL's messages their
// tsvector column (words.TSVector: stored as given, no parser in between).
func writeIndex(ctx context.Context, q db.Querier, ms []indexed) error {
	if len(ms) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(ms))
	rows := make([]string, len(ms))
	for i, m := range ms {
		if q.Engine() == db.Postgres {
			args = append(args, m.id, words.TSVector(m.words))
			rows[i] = "(?::bigint, ?::tsvector)"
		} else {
			args = append(args, m.id, strings.Join(m.words, " "))
			rows[i] = "(?, ?)"
		}
	}
	query := `INSERT INTO ticket_messages_search (rowid, words) VALUES ` + strings.Join(rows, ", ")
	if q.Engine() == db.Postgres {
		query = `UPDATE ticket_messages m SET search_tsv = v.words FROM (VALUES ` + strings.Join(rows, ", ") +
			`) v(id, words) WHERE m.id = v.id`
	}
	_, err := q.Exec(ctx, query, args...)
	return err
}
