package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
)

// placeholder matches a template field such as {{.Name}}.
var placeholder = regexp.MustCompile(`\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}`)

// fields lists the distinct placeholders of a text, sorted.
func fields(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// plural returns a plural message's forms, or nil when v is plain text.
func plural(v any) map[string]string {
	t, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := map[string]string{}
	for k, x := range t {
		s, _ := x.(string)
		out[k] = s
	}
	return out
}

// checkMessages compares one language's messages (got) with the reference language's
// (ref) and returns every problem: a missing or extra id, an empty text, a plain text
// where the reference has plural forms or the other way round, plural forms other than
// exactly those lang needs, and placeholders that differ from the reference.
func checkMessages(lang string, ref, got map[string]any) []string {
	var probs []string
	add := func(format string, args ...any) { probs = append(probs, lang+": "+fmt.Sprintf(format, args...)) }
	forms := PluralForms(lang)
	if len(forms) == 0 {
		add("no plural rule in go-i18n")
	}
	for _, id := range sortedKeys(ref) {
		v, ok := got[id]
		if !ok {
			add("missing %q", id)
			continue
		}
		refForms, gotForms := plural(ref[id]), plural(v)
		switch {
		case refForms == nil && gotForms != nil:
			add("%q must be plain text, not plural forms", id)
		case refForms != nil && gotForms == nil:
			add("%q must have the plural forms %v", id, forms)
		case refForms == nil:
			s, _ := v.(string)
			if s == "" {
				add("%q is empty", id)
			} else if want, have := fields(ref[id].(string)), fields(s); !slices.Equal(want, have) {
				add("%q has placeholders %v, want %v", id, have, want)
			}
		default:
			probs = append(probs, checkPlural(lang, id, forms, refForms, gotForms)...)
		}
	}
	for _, id := range sortedKeys(got) {
		if _, ok := ref[id]; !ok {
			add("%q is not a message of the reference language", id)
		}
	}
	return probs
}

// checkPlural checks one plural message: exactly the forms lang needs, none empty, each
// with every placeholder of the reference except Count (a form may spell the number
// out, as in "one file"), and none the reference lacks.
func checkPlural(lang, id string, forms []string, ref, got map[string]string) []string {
	var probs []string
	add := func(format string, args ...any) { probs = append(probs, lang+": "+fmt.Sprintf(format, args...)) }
	var have []string
	for f := range got {
		if f != "description" {
			have = append(have, f)
		}
	}
	if have = sortForms(have); !slices.Equal(have, forms) {
		add("%q has the plural forms %v, want %v", id, have, forms)
	}
	var allowed []string
	for _, s := range ref {
		allowed = append(allowed, fields(s)...)
	}
	for _, f := range have {
		text := got[f]
		if text == "" {
			add("%q form %q is empty", id, f)
		}
		for _, p := range fields(text) {
			if !slices.Contains(allowed, p) {
				add("%q form %q has the unknown placeholder %s", id, f, p)
			}
		}
		for _, p := range allowed {
			if p != "Count" && !slices.Contains(fields(text), p) {
				add("%q form %q lacks the placeholder %s", id, f, p)
			}
		}
	}
	return probs
}

// sortForms orders plural form names as CLDR does (one before other).
func sortForms(fs []string) []string {
	out := slices.Clone(fs)
	slices.SortFunc(out, func(a, b string) int {
		return slices.Index(pluralFormNames, a) - slices.Index(pluralFormNames, b)
	})
	return out
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
