package web

import "strings"

func inputType(t string) string {
	if t == "" {
		return "text"
	}
	return t
}

// htmxConfig turns off htmx's injected indicator styles, which the CSP would block; the
// stylesheet carries them instead. It also turns off htmx's history cache: a search
// that pushes its address (the back office's company and contact lists) would
// otherwise copy the whole page, names and addresses, into the tab's sessionStorage,
// where it outlives the logout and the pages' Cache-Control: no-store. Going back
// loads the page afresh instead.
const htmxConfig = `{"includeIndicatorStyles":false,"historyCacheSize":0,"refreshOnHistoryMiss":true}`

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
