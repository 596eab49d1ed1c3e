package kb

import (
	"regexp"
	"strings"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// allDigits slugs would read as article ids in /kb/articles/{id}.
var allDigits = regexp.MustCompile(`^[0-9]+$`)

// ValidSlug reports whether s may name an article in its address: lower-case letters,
// digits and single hyphens, not digits alone.
func ValidSlug(s string) bool {
	return len(s) <= MaxSlug && slugRE.MatchString(s) && !allDigits.MatchString(s)
}

var transliterate = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "æ", "ae", "ø", "oe", "å", "aa",
	"é", "e", "è", "e", "ê", "e", "á", "a", "à", "a", "â", "a", "ã", "a", "ó", "o", "ò", "o", "ô", "o", "õ", "o",
	"í", "i", "ì", "i", "ú", "u", "ù", "u", "ç", "c", "ñ", "n")

// Slugify makes an address name from a title: "Drucker einrichten (Windows 11)" becomes
// "drucker-einrichten-windows-11". Titles in scripts without Latin letters give
// "article"; staff may type their own slug.
func Slugify(title string) string {
	s := transliterate.Replace(strings.ToLower(title))
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
