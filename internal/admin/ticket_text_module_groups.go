package admin

import (
	"context"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/textmodule"
)

// textModuleGroup is one <optgroup> of the ticket page's text modules.
type textModuleGroup struct {
	Label   string
	Other   bool // modules of other languages: each option names its language
	Modules []textmodule.Module
}

// textModuleGroups splits the modules (already in order: the contact's language, any
// language, the rest) into their groups, leaving out empty ones.
func textModuleGroups(ctx context.Context, tv ticketView) []textModuleGroup {
	groups := []textModuleGroup{
		{Label: i18n.T(ctx, "text_modules.group.contact", map[string]any{"Language": i18n.Names[tv.ReplyLang]})},
		{Label: i18n.T(ctx, "text_modules.language_any")},
		{Label: i18n.T(ctx, "text_modules.group.other"), Other: true},
	}
	for _, m := range tv.TextModules {
		i := 2
		switch m.Language {
		case tv.ReplyLang:
			i = 0
		case "":
			i = 1
		}
		groups[i].Modules = append(groups[i].Modules, m)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Modules) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// textModuleOption is a module's line in the select: its shortcut first, then its
// name, and among other languages the language's code. A select finds an option by
// the first letters typed on it (without script too), so typing the shortcut, as the
// module form's hint promises, finds the module; one without a shortcut is found by
// its name.
func textModuleOption(m textmodule.Module, other bool) string {
	s := m.Name
	if m.Shortcut != "" {
		s = m.Shortcut + " · " + m.Name
	}
	if other {
		s += " (" + strings.ToUpper(m.Language) + ")"
	}
	return s
}
