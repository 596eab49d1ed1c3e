package admin

import (
	"slices"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// The branding form gives the portal's title and welcome text per language besides the
// main ones (tenant/branding_texts.go): fields "title_<lang>" and "welcome_<lang>", an
// empty one showing the main text to readers of that language.

func brandTitleField(lang string) string   { return "title_" + lang }
func brandWelcomeField(lang string) string { return "welcome_" + lang }

// setBrandTexts puts the stored texts per language into the form.
func setBrandTexts(f web.Form, texts map[string]tenant.BrandText) {
	for lang, tx := range texts {
		f.Set(brandTitleField(lang), tx.Title)
		f.Set(brandWelcomeField(lang), tx.Welcome)
	}
}

// readBrandTexts reads and checks the texts per portal language with the main texts'
// limits, each error next to its field.
func readBrandTexts(f *web.Form) map[string]tenant.BrandText {
	out := map[string]tenant.BrandText{}
	for _, lang := range i18n.Languages {
		tx := tenant.BrandText{Title: f.Get(brandTitleField(lang)), Welcome: multiline(f.Raw(brandWelcomeField(lang)))}
		f.Errors.MaxLen(brandTitleField(lang), tx.Title, tenant.MaxBrandTitle)
		f.Errors.MaxLen(brandWelcomeField(lang), tx.Welcome, tenant.MaxBrandWelcome)
		if tx.Title != "" || tx.Welcome != "" {
			out[lang] = tx
		}
	}
	return out
}

// multiline trims a textarea's text and gives its line breaks as "\n".
func multiline(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// brandLanguages are the languages the editor offers: all but the tenant's default
// language, whose texts are the main ones; it too when it has texts of its own (kept
// from before the default language changed), so they can be seen and cleared.
func brandLanguages(f web.Form, def string) []string {
	return slices.DeleteFunc(slices.Clone(i18n.Languages), func(lang string) bool {
		return lang == def && f.Get(brandTitleField(lang)) == "" && strings.TrimSpace(f.Raw(brandWelcomeField(lang))) == ""
	})
}

// brandTextsCount is how many languages the form gives texts of their own, shown on
// the closed disclosure; brandTextsErr whether one of them has an error, so it opens.
func brandTextsCount(f web.Form) int {
	n := 0
	for _, lang := range i18n.Languages {
		if f.Get(brandTitleField(lang)) != "" || strings.TrimSpace(f.Raw(brandWelcomeField(lang))) != "" {
			n++
		}
	}
	return n
}

func brandTextsErr(f web.Form) bool {
	return slices.ContainsFunc(i18n.Languages, func(lang string) bool {
		return f.Errors[brandTitleField(lang)].ID != "" || f.Errors[brandWelcomeField(lang)].ID != ""
	})
}
