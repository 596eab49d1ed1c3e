package outbox

import (
	"regexp"
	"strings"
)

// Masked stands in for a secret token that the reader of the outbox may not see.
const Masked = "••••••"

// secretLink finds the single-use links that sign someone in or let them set a
// password: a contact's invitation, a password reset, a self-registration's
// confirmation, a staff invitation and the first-admin setup. Whoever opens such a link
// becomes that person, so an agent reading the outbox must not get it.
var secretLink = regexp.MustCompile(`/(?:admin/invitation|admin/setup|invitation|password/reset|register/confirm)/([A-Za-z0-9_-]+)`)

// randomSegment finds a path segment that looks like a generated token (auth.NewToken
// makes 43 characters of base64url), so a link with a secret added later is masked too
// without being listed above. Slugs and numbers never mix upper case, lower case and
// digits over 32 characters; a random token does with near certainty.
var randomSegment = regexp.MustCompile(`/[A-Za-z0-9_-]{32,}`)

// Mask replaces the secret part of every token link in s. The mail itself is sent
// unchanged; only what an agent reads in the outbox is masked.
func Mask(s string) string {
	s = secretLink.ReplaceAllStringFunc(s, func(m string) string {
		i := strings.LastIndexByte(m, '/')
		return m[:i+1] + Masked
	})
	return randomSegment.ReplaceAllStringFunc(s, func(m string) string {
		if looksRandom(m[1:]) {
			return "/" + Masked
		}
		return m
	})
}

// HasSecret reports whether s carries a token link that Mask would hide.
func HasSecret(s string) bool { return Mask(s) != s }

func looksRandom(seg string) bool {
	var upper, lower, digit bool
	for _, c := range seg {
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		}
	}
	return upper && lower && digit
}

// masked returns m as an agent may read it: token links masked in both parts.
func (m Mail) masked() Mail {
	// The subject too: a tenant's template may put {{link}} there.
	m.Subject, m.Text, m.HTML = Mask(m.Subject), Mask(m.Text), Mask(m.HTML)
	return m
}
