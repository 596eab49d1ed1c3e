package kb

import "testing"

// TestSlugify: titles become readable addresses in every Latin-script language the
// portal speaks; German umlauts the German way, other accents dropped, decomposed
// input like composed.
func TestSlugify(t *testing.T) {
	for title, want := range map[string]string{
		"Drucker einrichten (Windows 11)":    "drucker-einrichten-windows-11",
		"Ünïcödé Tïtle ß":                    "uenicoede-title-ss",
		"Naïve Noël à l’œuvre":               "naive-noel-a-l-oeuvre",
		"Gr\u00fc\u00dfe / Gru\u0308\u00dfe": "gruesse-gruesse",
		"Ærø Åbenrå":                         "aeroe-aabenraa",
		"São João, Açores":                   "sao-joao-acores",
		"Łódź":                               "lodz",
		"2026":                               "article-2026",
		"שלום":                               "article",
	} {
		if got := Slugify(title); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", title, got, want)
		}
	}
}
