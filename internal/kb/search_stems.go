package kb

import (
	"context"
	"strings"

	"pforte/internal/db"
)

// unUmlaut undoes the umlaut German plurals add ("Passwörter" → "Passwort", "Ordner"
// stays): only tried after the word as written found nothing.
var unUmlaut = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u")

// SearchStems is the search's last try, for when neither Search nor SearchSome found
// anything: each word cut to its stem (stemOf: "heizungsanlagen" → "heizungsanlag",
// "scanner" → "scann"), so an inflected form finds the article whose word begins with
// that stem, as the ticket form's suggestions (which rank by stems) already do — their
// "search the knowledge base" link must not then answer "nothing found". A stem with an
// umlaut is tried without it too ("passwört" → "passwort"). As in SearchSome, articles
// with the most words come first. A word that is its own stem is not searched again:
// it found nothing as written (alone, by SearchSome, or as the whole query). So a miss
// costs one bounded Search per changed word and variant.
func SearchStems(ctx context.Context, q db.Querier, v Viewer, text string, limit int) ([]Summary, error) {
	if limit <= 0 {
		return nil, nil
	}
	var m wordMatches
	for _, k := range keywords(text) {
		stem := stemOf(k)
		if stem == k {
			continue
		}
		tries := []string{stem}
		if plain := unUmlaut.Replace(stem); plain != stem {
			tries = append(tries, plain)
		}
		counted := map[int64]bool{} // one word counts once, whichever variant found it
		for _, t := range tries {
			found, err := Search(ctx, q, v, t, limit)
			if err != nil {
				return nil, err
			}
			m.add(found, counted)
		}
	}
	return m.ranked(limit), nil
}
