package kb

import (
	"strings"

	"pforte/internal/db"
)

// fold is the spelling of a lower-case word that searches compare (db.Fold): umlauts
// written out, Hebrew and Arabic vowel points dropped. Other accents stay: "gerate"
// does not find "Geräte".
func fold(w string) string { return db.Fold(w) }

// searchText is the word text stored for a title or an article's text (search_title,
// search_body): its words separated by single spaces (what PostgreSQL's parser splits
// back into exactly these words), then the folded form of each word that folding
// changes, so the indexes of both engines find a word by either spelling.
func searchText(s string) string {
	ws := Words(s)
	seen := make(map[string]bool, len(ws))
	out := append([]string(nil), ws...)
	for _, w := range ws {
		if f := fold(w); f != w && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}
