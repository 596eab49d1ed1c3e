package db

import (
	"strings"
	"unicode/utf8"
)

// LikeEscape escapes the LIKE wildcards in s for a pattern used with ESCAPE '\\'.
func LikeEscape(s string) string {
	return strings.NewReplacer("\\", "\\\\", "%", "\\%", "_", "\\_").Replace(s)
}

// SearchFilter returns the SQL condition and argument that find rows whose lower-cased
// column `search` of table alias `alias` contains term. On SQLite a term of three or
// more characters uses the table's FTS5 trigram index (<table>_search); on PostgreSQL
// the LIKE below is served by a pg_trgm index. Short terms scan, which is fine: they
// match too much to be useful anyway. The caller cleans term (validate.Clean).
func SearchFilter(e Engine, table, alias, term string) (string, any) {
	term = strings.ToLower(strings.TrimSpace(term))
	if e == SQLite && utf8.RuneCountInString(term) >= 3 {
		phrase := `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
		return alias + `.id IN (SELECT rowid FROM ` + table + `_search WHERE ` + table + `_search MATCH ?)`, phrase
	}
	pattern := "%" + LikeEscape(term) + "%"
	if e == Postgres {
		// The sub-select with OFFSET 0 is a planner fence: matches come from the trigram
		// index first, even with a cached generic plan that cannot see the term (which
		// would otherwise walk the list in display order and test every row).
		return alias + `.id IN (SELECT id FROM (SELECT id FROM ` + table + ` WHERE search LIKE ? ESCAPE '\' OFFSET 0) m)`, pattern
	}
	return alias + `.search LIKE ? ESCAPE '\'`, pattern
}
