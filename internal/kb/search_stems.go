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
// anything: every word cut to its stem (stemOf: "heizungsanlagen" → "heizungsanlag",
// "scanner" → "scann"), so an inflected form finds the article whose word begins with
// that stem, as the ticket form's suggestions (which rank by stems) already do — their
// "search the knowledge base" link must not then answer "nothing found". A stem with an
// umlaut is tried again without it ("passwört" → "passwort"). Nothing when no word has
// a stem shorter than itself.
func SearchStems(ctx context.Context, q db.Querier, v Viewer, text string, limit int) ([]Summary, error) {
	ks := keywords(text)
	stems := make([]string, len(ks))
	changed := false
	for i, k := range ks {
		stems[i] = stemOf(k)
		changed = changed || stems[i] != k
	}
	if !changed || limit <= 0 {
		return nil, nil
	}
	tries := []string{strings.Join(stems, " ")}
	if plain := unUmlaut.Replace(tries[0]); plain != tries[0] {
		tries = append(tries, plain)
	}
	for _, t := range tries {
		found, err := Search(ctx, q, v, t, limit)
		if err == nil && len(found) == 0 {
			found, err = SearchSome(ctx, q, v, t, limit)
		}
		if err != nil || len(found) > 0 {
			return found, err
		}
	}
	return nil, nil
}
