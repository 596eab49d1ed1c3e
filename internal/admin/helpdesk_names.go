package admin

import (
	"slices"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/web"
)

// nameField is the form field of a category's or status's name in lang.
func nameField(lang string) string { return "name_" + lang }

// setNames fills the translation fields of a row's form.
func setNames(f web.Form, names map[string]string) {
	for lang, name := range names {
		f.Set(nameField(lang), name)
	}
}

// readNames reads and checks the names per portal language (empty: the main name
// shows in that language).
func readNames(f *web.Form, max int) map[string]string {
	out := map[string]string{}
	for _, lang := range i18n.Languages {
		v := f.Get(nameField(lang))
		f.Errors.Text(nameField(lang), v, false, max)
		out[lang] = v
	}
	return out
}

// namesErr reports whether one of the translation fields has an error, so the
// disclosure opens on it.
func namesErr(f web.Form) bool {
	return slices.ContainsFunc(i18n.Languages, func(l string) bool { return f.Errors[nameField(l)].ID != "" })
}

// namesCount is how many translations the form holds, shown on the closed disclosure.
func namesCount(f web.Form) int {
	n := 0
	for _, l := range i18n.Languages {
		if f.Get(nameField(l)) != "" {
			n++
		}
	}
	return n
}

// namesAudit lists the translations for the audit entry ("en Network, fr Réseau").
func namesAudit(names map[string]string) string {
	var parts []string
	for _, l := range i18n.Languages {
		if names[l] != "" {
			parts = append(parts, l+" "+names[l])
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// namesOf are the stored translations of one row, none for a row being added.
func (hv helpdeskView) namesOf(kind string, id int64) map[string]string {
	if id == 0 {
		return nil
	}
	return hv.Names.Of(kind, id)
}
