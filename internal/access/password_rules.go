package access

import (
	"strings"
	"unicode/utf8"
)

// weakPassword reports why pw is easy to guess although long enough: "simple" for a
// password of a few characters repeated ("aaaaaaaaaa", "1212121212"), a run up or down
// the alphabet or digits ("1234567890"), a keyboard row or one of the long passwords
// every guessing list starts with; "personal" for one that is mostly the person's email
// address or its name part. These are the checks NIST SP 800-63B asks for besides the
// length; no rules about character classes, which make passwords harder to remember,
// not to guess.
func weakPassword(pw string, personal ...string) string {
	low := strings.ToLower(pw)
	if distinct(low) < 4 || isRun(low) {
		return "simple"
	}
	bare := strings.TrimRight(low, "0123456789!?.#*+-_ ")
	for _, c := range commonPasswords {
		if low == c || bare == c || (len(bare) < len(low) && strings.HasPrefix(c, bare) && len(bare) >= 6) {
			return "simple"
		}
	}
	// The address or its name part making up most of the password: "max.mustermann2026"
	// for max.mustermann@…, not "anna-geht-wandern" for anna@….
	for _, p := range personal {
		p = strings.ToLower(strings.TrimSpace(p))
		name, _, _ := strings.Cut(p, "@")
		for _, part := range []string{p, name} {
			if n := utf8.RuneCountInString(part); n >= 3 && strings.Contains(low, part) && 2*n >= utf8.RuneCountInString(low) {
				return "personal"
			}
		}
	}
	return ""
}

// distinct counts the different characters of s.
func distinct(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}

// isRun reports a string whose every character is the one after (or before) the one
// before it: "abcdefghij", "9876543210".
func isRun(s string) bool {
	rs := []rune(s)
	if len(rs) < 3 {
		return false
	}
	step := rs[1] - rs[0]
	if step != 1 && step != -1 {
		return false
	}
	for i := 2; i < len(rs); i++ {
		if rs[i]-rs[i-1] != step {
			return false
		}
	}
	return true
}

// commonPasswords are keyboard rows and the long passwords that lead every list of
// leaked ones, in the portal's languages; compared lower-cased, also without trailing
// digits and punctuation ("Passwort2026!" is "passwort").
var commonPasswords = []string{
	"qwertyuiop", "qwertzuiop", "azertyuiop", "asdfghjkl", "yxcvbnm", "zxcvbnm", "qwertz", "qwerty", "azerty",
	"1q2w3e4r5t", "1qaz2wsx3edc", "q1w2e3r4t5", "0987654321", "1234567890", "1029384756",
	"password", "passwort", "motdepasse", "wachtwoord", "adgangskode", "contrasena", "contraseña", "senha",
	"iloveyou", "letmein", "welcome", "willkommen", "bienvenue", "welkom", "velkommen", "bienvenido", "bemvindo",
	"sommer", "winter", "fruehling", "herbst", "summer", "football", "fussball", "baseball", "dragon", "monkey",
	"sunshine", "princess", "superman", "batman", "master", "shadow", "michael", "jennifer", "hallo", "hello",
	"geheim", "secret", "admin", "administrator", "changeme", "trustno1", "abc123", "starwars", "pokemon",
	"schalke", "bayern", "borussia", "hamburg", "berlin", "muenchen", "deutschland", "schatz", "liebe",
}
