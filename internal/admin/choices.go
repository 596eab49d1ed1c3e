package admin

import (
	"context"

	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/web"
)

func languageChoices(ctx context.Context) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "settings.language_auto")}}
	for _, l := range i18n.Languages {
		out = append(out, web.Choice{Value: l, Label: i18n.Names[l]})
	}
	return out
}

func roleChoices(ctx context.Context) []web.Choice {
	return []web.Choice{
		{Value: principal.RoleUser, Label: i18n.T(ctx, "role.user")},
		{Value: principal.RoleMain, Label: i18n.T(ctx, "role.main")},
	}
}

// orAll names the empty filter value "all" for its message id.
func orAll(v string) string {
	if v == "" {
		return "all"
	}
	return v
}

func displayName(c contact.Contact) string {
	if n := c.Name(); n != "" {
		return n
	}
	return c.Email
}
