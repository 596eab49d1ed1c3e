package mailtmpl

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pforte/internal/i18n"
)

// TestBodyStartsSentence: in the languages that write a capital after a greeting line
// ("Hello Jonas,\n\nSomeone has …"), every built-in mail body starts with one. German
// ("Hallo Jonas,\n\njemand hat …") keeps lower case and is not checked; Hebrew and Thai
// have no case.
func TestBodyStartsSentence(t *testing.T) {
	for _, lang := range []string{"en", "fr", "da", "nl", "pt", "es"} {
		keys, err := i18n.Keys(lang)
		if err != nil {
			t.Fatal(err)
		}
		l, checked := i18n.For(lang), 0
		for _, k := range keys {
			if !strings.HasPrefix(k, "mail.") || !(strings.HasSuffix(k, ".body") || strings.Contains(k, ".body_")) {
				continue
			}
			body := l.T(k)
			if strings.HasPrefix(body, "<no value>") { // starts with a name: {{.Author}} has …
				continue
			}
			checked++
			if r, _ := utf8.DecodeRuneInString(body); unicode.IsLower(r) {
				t.Errorf("%s %s starts in lower case: %.60q", lang, k, body)
			}
		}
		if checked < 20 {
			t.Errorf("%s: only %d mail bodies checked", lang, checked)
		}
	}
}
