package web

import (
	"context"
	"errors"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
)

// LinkProblem maps a token error to the message a visitor sees; "" means the error is
// not about the link.
func LinkProblem(err error) string {
	switch {
	case errors.Is(err, auth.ErrTokenExpired):
		return "link.expired"
	case errors.Is(err, auth.ErrTokenUsed):
		return "link.used"
	case errors.Is(err, auth.ErrTokenUnknown), errors.Is(err, db.ErrNotFound):
		return "link.unknown"
	}
	return ""
}

// RoleChoices are the membership roles for selects.
func RoleChoices(ctx context.Context) []Choice {
	return []Choice{
		{Value: principal.RoleUser, Label: i18n.T(ctx, "role.user")},
		{Value: principal.RoleMain, Label: i18n.T(ctx, "role.main")},
	}
}

// LanguageChoices are the languages for a person's setting, led by "automatic".
func LanguageChoices(ctx context.Context) []Choice {
	out := []Choice{{Value: "", Label: i18n.T(ctx, "settings.language_auto")}}
	for _, l := range i18n.Languages {
		out = append(out, Choice{Value: l, Label: i18n.Names[l]})
	}
	return out
}

// AccessBadge is the CSS class of a portal access state's badge.
func AccessBadge(state string) string {
	switch state {
	case "active":
		return "badge ok"
	case "invited":
		return "badge warn"
	case "expired", "revoked":
		return "badge danger"
	}
	return "badge muted"
}
