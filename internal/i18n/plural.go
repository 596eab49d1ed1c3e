package i18n

import (
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// pluralFormNames are CLDR's plural categories in their usual order.
var pluralFormNames = []string{"zero", "one", "two", "few", "many", "other"}

// PluralForms lists the plural forms a message needs in lang so that every whole count
// finds its form: de, en, da, nl: one, other; fr, es, pt: one, many, other (many is for
// millions: "1 000 000 de fichiers"); he: one, two, other; th: other.
//
// The answer comes from go-i18n itself, the library that picks the form at run time:
// a probe message with all six forms is localized for a range of counts, and every form
// that comes back is needed. So the check can never disagree with what users get.
func PluralForms(lang string) []string {
	b := goi18n.NewBundle(language.German)
	tag := language.Make(lang)
	probe := &goi18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return nil
	}
	loc := goi18n.NewLocalizer(b, lang)
	seen := map[string]bool{}
	for _, n := range probeCounts() {
		form, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: "probe", PluralCount: n})
		if err != nil {
			return nil // no plural rule for lang
		}
		seen[form] = true
	}
	var out []string
	for _, f := range pluralFormNames {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

// probeCounts are whole counts that reach every integer plural category of the CLDR
// rules: all small numbers (one, two, few, many of Slavic and Semitic languages) and
// round large ones (the "many" of French, Spanish and Portuguese).
func probeCounts() []int {
	var out []int
	for n := 0; n <= 1100; n++ {
		out = append(out, n)
	}
	return append(out, 10_000, 100_000, 1_000_000, 2_000_000, 10_000_000, 1_000_000_000)
}
