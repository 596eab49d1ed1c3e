package portal

import "pforte/internal/ticket"

// filtersActive reports whether the list is searched, filtered or sorted other than
// the default (the open tickets, latest activity first). The filter form starts folded
// on a phone, where search, three pickers and the button filled the first screen; with
// a filter in force it starts open, so what narrows the list stays in view.
func filtersActive(f ticket.Filter) bool {
	return f.Query != "" || f.Mine || f.State != "open" || f.Sort != ticket.Sorts[0]
}
