package db

import (
	"strings"
	"unicode/utf8"
)

// LikeEscape escapes the LIKE wildcards in s for a pattern used with ESCAPE '\\'.
func LikeEscape(s string) string {
	return strings.NewReplacer("\\", "\\\\", "%", "\\%", "_", "\\_").Replace(s)
}

// SearchFilter returns the SQL condition and arguments that find rows of tenantID whose
// lower-cased column `search` (table alias `alias`) contains term. A term of three or
// more characters goes through the table's trigram index: FTS5 (<table>_search) on
// SQLite; on PostgreSQL a pg_trgm index behind a sub-select with OFFSET 0, a planner
// fence that keeps a cached generic plan (which cannot see the term) from walking the
// list in display order instead. Shorter terms scan the tenant's rows, which is fine:
// they match too much to be useful anyway. The caller cleans term (validate.Clean).
func SearchFilter(e Engine, table, alias, term string, tenantID int64) (string, []any) {
	term = SearchTerm(term)
	pattern := "%" + LikeEscape(term) + "%"
	if !Indexed(term) {
		return alias + `.search LIKE ? ESCAPE '\'`, []any{pattern}
	}
	if e == SQLite {
		// The trigram index folds more than the lower-cased column holds (ς as σ, ſ as
		// s), so its matches are narrowed to the column's own: a search finds the same
		// rows through the index as by LIKE, and as on PostgreSQL.
		return `(` + alias + `.id IN (SELECT rowid FROM ` + table + `_search WHERE ` + table + `_search MATCH ?) AND ` +
			alias + `.search LIKE ? ESCAPE '\')`, []any{Phrase(term), pattern}
	}
	return alias + `.id IN (SELECT id FROM (SELECT id FROM ` + table + ` WHERE tenant_id = ? AND search LIKE ? ESCAPE '\'
		OFFSET 0) m)`, []any{tenantID, pattern}
}

// Phrase quotes term as one FTS5 phrase, so its characters are searched, not parsed as
// query syntax.
func Phrase(term string) string { return `"` + strings.ReplaceAll(term, `"`, `""`) + `"` }

// SearchTerm is term as it is searched for: trimmed and lower-cased, like the `search`
// columns.
func SearchTerm(term string) string { return strings.ToLower(strings.TrimSpace(term)) }

// Indexed tells whether a search for term (as SearchTerm gives it) can use the trigram
// index, which needs three characters.
func Indexed(term string) bool { return utf8.RuneCountInString(term) >= 3 }
