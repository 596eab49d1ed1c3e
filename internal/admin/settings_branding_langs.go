package admin

import (
	"slices"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// The branding form gives the portal's title, welcome text, chooser heading and support
// hours per language besides the main ones (tenant/branding_texts.go): fields
// "title_<lang>", "welcome_<lang>", "chooser_<lang>" and "hours_<lang>", an empty one
// showing the main text to readers of that language.

func brandTitleField(lang string) string   { return "title_" + lang }
func brandWelcomeField(lang string) string { return "welcome_" + lang }
func brandChooserField(lang string) string { return "chooser_" + lang }
func brandHoursField(lang string) string   { return "hours_" + lang }

// brandFields are the fields of one language.
func brandFields(lang string) []string {
	return []string{brandTitleField(lang), brandWelcomeField(lang), brandChooserField(lang), brandHoursField(lang)}
}

// setBrandTexts puts the stored texts per language into the form.
func setBrandTexts(f web.Form, texts map[string]tenant.BrandText) {
	for lang, tx := range texts {
		f.Set(brandTitleField(lang), tx.Title)
		f.Set(brandWelcomeField(lang), tx.Welcome)
		f.Set(brandChooserField(lang), tx.Chooser)
		f.Set(brandHoursField(lang), tx.Hours)
	}
}

// readBrandTexts reads and checks the texts per portal language with the main texts'
// limits, each error next to its field.
func readBrandTexts(f *web.Form) map[string]tenant.BrandText {
	out := map[string]tenant.BrandText{}
	for _, lang := range i18n.Languages {
		tx := tenant.BrandText{Title: f.Get(brandTitleField(lang)), Welcome: multiline(f.Raw(brandWelcomeField(lang))),
			Chooser: f.Get(brandChooserField(lang)), Hours: multiline(f.Raw(brandHoursField(lang)))}
		f.Errors.MaxLen(brandTitleField(lang), tx.Title, tenant.MaxBrandTitle)
		f.Errors.MaxLen(brandWelcomeField(lang), tx.Welcome, tenant.MaxBrandWelcome)
		f.Errors.MaxLen(brandChooserField(lang), tx.Chooser, tenant.MaxBrandChooser)
		f.Errors.MaxLen(brandHoursField(lang), tx.Hours, tenant.MaxSupportHours)
		if !tx.Empty() {
			out[lang] = tx
		}
	}
	return out
}

// multiline trims a textarea's text and gives its line breaks as "\n".
func multiline(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// hasBrandTexts reports whether the form gives lang a text of its own.
func hasBrandTexts(f web.Form, lang string) bool {
	return slices.ContainsFunc(brandFields(lang), func(name string) bool { return strings.TrimSpace(f.Raw(name)) != "" })
}

// brandLanguages are the languages the editor offers: all but the tenant's default
// language, whose texts are the main ones; it too when it has texts of its own (kept
// from before the default language changed), so they can be seen and cleared.
func brandLanguages(f web.Form, def string) []string {
	return slices.DeleteFunc(slices.Clone(i18n.Languages), func(lang string) bool {
		return lang == def && !hasBrandTexts(f, lang)
	})
}

// brandTextsCount is how many languages the form gives texts of their own, shown on
// the closed disclosure; brandTextsErr whether one of them has an error, so it opens.
func brandTextsCount(f web.Form) int {
	n := 0
	for _, lang := range i18n.Languages {
		if hasBrandTexts(f, lang) {
			n++
		}
	}
	return n
}

func brandTextsErr(f web.Form) bool {
	return slices.ContainsFunc(i18n.Languages, func(lang string) bool { return brandLangErr(f, lang) })
}

// brandLangErr reports whether one of lang's fields has an error: its part opens.
func brandLangErr(f web.Form, lang string) bool {
	return slices.ContainsFunc(brandFields(lang), func(name string) bool { return f.Errors[name].ID != "" })
}
