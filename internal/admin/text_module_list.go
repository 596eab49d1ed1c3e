package admin

import (
	"context"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
	"pforte/internal/textmodule"
	"pforte/internal/web"
)

// textModuleList lists the tenant's text modules, inactive ones included, with what
// each is for (language, shortcut) and whether it is offered on the ticket page.
func (a *Admin) textModuleList(w http.ResponseWriter, r *http.Request, v *visit) {
	list, err := textmodule.List(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, textModulesPage(v.chrome(r, "text_modules.title"), list, v.Member.IsAdmin()))
}

// textModuleLanguage names a module's language: one of the portal's, or "any".
func textModuleLanguage(ctx context.Context, lang string) string {
	if name, ok := i18n.Names[lang]; ok {
		return name
	}
	return i18n.T(ctx, "text_modules.language_any")
}

// textModuleAction is where a module's editor posts: the list for a new one.
func textModuleAction(id int64) string {
	if id == 0 {
		return "/admin/text-modules"
	}
	return "/admin/text-modules/" + itoa(id)
}

// textModuleLanguageChoices are "any language" and the portal's languages.
func textModuleLanguageChoices(ctx context.Context) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "text_modules.language_any")}}
	for _, l := range i18n.Languages {
		out = append(out, web.Choice{Value: l, Label: i18n.Names[l]})
	}
	return out
}

// placeholderSample is p's example in the staff member's language: worded samples (a
// ticket's title) come from the message files, names and numbers as they are.
func placeholderSample(ctx context.Context, p mailtmpl.Placeholder) string {
	if p.SampleKey != "" {
		return i18n.T(ctx, p.SampleKey)
	}
	return p.Sample
}
