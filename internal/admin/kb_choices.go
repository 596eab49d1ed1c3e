package admin

import (
	"context"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCategoryChoices are the categories for the article form, led by "none".
func kbCategoryChoices(ctx context.Context, cats []kb.Category) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "kb_admin.no_category")}}
	for _, c := range cats {
		out = append(out, web.Choice{Value: itoa(c.ID), Label: c.Name})
	}
	return out
}

// kbStatusChoices are the article states.
func kbStatusChoices(ctx context.Context) []web.Choice {
	out := make([]web.Choice, 0, len(kb.Statuses))
	for _, s := range kb.Statuses {
		out = append(out, web.Choice{Value: s, Label: i18n.T(ctx, "kb_admin.status."+s)})
	}
	return out
}

// kbVisibilityChoices are who may read a published article.
func kbVisibilityChoices(ctx context.Context) []web.Choice {
	out := make([]web.Choice, 0, len(kb.Visibilities))
	for _, s := range kb.Visibilities {
		out = append(out, web.Choice{Value: s, Label: i18n.T(ctx, "kb_admin.visibility."+s)})
	}
	return out
}

// kbLanguageChoices are the languages an article can be written in.
func kbLanguageChoices() []web.Choice {
	out := make([]web.Choice, 0, len(i18n.Languages))
	for _, l := range i18n.Languages {
		out = append(out, web.Choice{Value: l, Label: i18n.Names[l]})
	}
	return out
}

// kbMissingLanguages are the languages the article is not written in yet.
func kbMissingLanguages(art kb.Article) []string {
	var out []string
	for _, l := range i18n.Languages {
		found := false
		for _, t := range art.Translations {
			found = found || t.Language == l
		}
		if !found {
			out = append(out, l)
		}
	}
	return out
}

// kbTranslationPath is the address of an article's text in lang.
func kbTranslationPath(id int64, lang string) string {
	return "/admin/kb/articles/" + itoa(id) + "/translations/" + lang
}
