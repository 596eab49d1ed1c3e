package portal

import (
	"testing"

	"pforte/internal/i18n"
)

// TestKBLangNoteNames: the KB's "not in your language" note names both languages in
// the reader's language and grammar, in all nine: no endonym inside the sentence
// ("en English"), the Hebrew prefix ב on a Hebrew name, Thai with ภาษา.
func TestKBLangNoteNames(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "This article is not available in English; it is shown in German.",
		"de": "Dieser Artikel ist nicht auf Deutsch verfügbar; er wird auf Englisch angezeigt.",
		"fr": "Cet article n’est pas disponible en français\u00a0; il est affiché en anglais.",
		"da": "Denne artikel findes ikke på dansk; den vises på engelsk.",
		"nl": "Dit artikel is niet beschikbaar in het Nederlands; het wordt getoond in het Engels.",
		"he": "המאמר אינו זמין בעברית; הוא מוצג באנגלית.",
		"pt": "Este artigo não está disponível em português; é apresentado em inglês.",
		"es": "Este artículo no está disponible en español; se muestra en inglés.",
		"th": "บทความนี้ไม่มีในภาษาไทย จึงแสดงเป็นภาษาอังกฤษ",
	} {
		shown := "en"
		if lang == "en" {
			shown = "de"
		}
		if got := (kbLangNote{Wanted: lang, Shown: shown}).text(i18n.For(lang)); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	// Another wanted language than the reader's own (?lang=): still named in the reader's.
	if got := (kbLangNote{Wanted: "th", Shown: "de"}).text(i18n.For("he")); got != "המאמר אינו זמין בתאית; הוא מוצג בגרמנית." {
		t.Errorf("he reading th: %q", got)
	}
}
