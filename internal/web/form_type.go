package web

import "strings"

func inputType(t string) string {
	if t == "" {
		return "text"
	}
	return t
}

// htmxConfig turns off htmx's injected indicator styles, which the CSP would block; the
// stylesheet carries them instead.
const htmxConfig = `{"includeIndicatorStyles":false}`

// describedBy links an input to its error and hint texts for screen readers.
func describedBy(f Form, in Input) string {
	var ids []string
	if f.Errors[in.Name].ID != "" {
		ids = append(ids, fieldID("e-", in.Form, in.Name))
	}
	if in.Hint != "" {
		ids = append(ids, fieldID("h-", in.Form, in.Name))
	}
	return strings.Join(ids, " ")
}
