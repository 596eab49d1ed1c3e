package i18n

import (
	"strings"
	"testing"
)

// TestCountsInLanguage: a limit in a message ({{.Max}}, {{.Min}}) is written the
// language's way, and the caller's data is left as it was.
func TestCountsInLanguage(t *testing.T) {
	data := map[string]any{"Max": 20000}
	for lang, want := range map[string]string{
		"de": "Bitte höchstens 20.000 Zeichen eingeben.",
		"en": "Please enter at most 20,000 characters.",
		"fr": "Veuillez saisir 20\u00a0000 caractères au maximum.",
	} {
		if got := For(lang).T("error.too_long", data); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if data["Max"] != 20000 {
		t.Errorf("the caller's data changed: %v", data["Max"])
	}
}

// TestPluralCountsInLanguage: a plural's count and a number of days are grouped the
// language's way too (a retention pass that removed 12,345 audit entries).
func TestPluralCountsInLanguage(t *testing.T) {
	for lang, want := range map[string]string{
		"de": "12.345 Audit-Einträge",
		"en": "12,345 audit entries",
		"fr": "12\u00a0345 entrées du journal d’audit",
	} {
		if got := For(lang).N("retention.audit.removed.audit", 12345, nil); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := For("de").T("retention.signin_older", map[string]any{"Days": 3650}); !strings.Contains(got, "3.650") {
		t.Errorf("days: %q", got)
	}
}
