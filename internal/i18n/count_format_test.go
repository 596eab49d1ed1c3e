package i18n

import "testing"

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
