package kb

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"pforte/internal/db"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// allDigits slugs would read as article ids in /kb/articles/{id}.
var allDigits = regexp.MustCompile(`^[0-9]+$`)

// ValidSlug reports whether s may name an article in its address: lower-case letters,
// digits and single hyphens, not digits alone.
func ValidSlug(s string) bool {
	return len(s) <= MaxSlug && slugRE.MatchString(s) && !allDigits.MatchString(s)
}

// transliterate writes the letters whose accent-free spelling is more than the base
// letter: German umlauts as ae/oe/ue (the way Germans type them without umlauts),
// ß, and the Nordic and French ligatures. Every other accented Latin letter loses its
// accent by decomposition (é → e, ï → i, ł stays out: it has no decomposition).
var transliterate = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "æ", "ae", "ø", "oe", "å", "aa",
	"œ", "oe", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i")

// unaccent decomposes letters and drops the combining marks: "naïve" → "naive".
var unaccent = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// Slugify makes an address name from a title: "Drucker einrichten (Windows 11)" becomes
// "drucker-einrichten-windows-11". Titles in scripts without Latin letters give
// "article"; staff may type their own slug.
func Slugify(title string) string {
	s := transliterate.Replace(strings.ToLower(norm.NFC.String(title))) // "a\u0308" is "ä" too
	if plain, _, err := transform.String(unaccent, s); err == nil {
		s = plain
	}
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			if b.Len() >= MaxSlug-10 {
				break
			}
			continue
		}
		dash = true
	}
	out := b.String()
	if out == "" || allDigits.MatchString(out) {
		out = "article-" + out
	}
	return strings.TrimSuffix(out, "-")
}

// FreeSlug makes an address name from title that no other article of the tenant has
// (except the article exceptID, 0 for a new one): Slugify's result, else the first free
// of it with "-2", "-3", … appended. Staff who leave the field empty mean "make one",
// so a second "Drucker einrichten", or a second title in Hebrew or Thai (which all give
// "article"), must not fail with "already in use" on a field they did not fill in.
func FreeSlug(ctx context.Context, q db.Querier, tenantID, exceptID int64, title string) (string, error) {
	base := Slugify(title)
	// base holds only a-z, 0-9 and hyphens, so it needs no escaping in LIKE.
	rows, err := q.Query(ctx, `SELECT slug FROM kb_articles WHERE tenant_id = ? AND id <> ? AND (slug = ? OR slug LIKE ?)`,
		tenantID, exceptID, base, base+"-%")
	if err != nil {
		return "", fmt.Errorf("kb: free slug: %w", err)
	}
	defer rows.Close()
	taken := map[string]bool{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", fmt.Errorf("kb: free slug: %w", err)
		}
		taken[s] = true
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("kb: free slug: %w", err)
	}
	slug := base
	for n := 2; taken[slug]; n++ {
		slug = base + "-" + strconv.Itoa(n)
	}
	return slug, nil
}
