package admin

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/outbox"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// maxOutboxQuery is the longest search text, in characters: an address is at most 254.
const maxOutboxQuery = validate.MaxEmail

// outboxQuery is the outbox's filter as typed (?q=, ?state=, ?ticket=) and as applied:
// a part that cannot be used is left out of Filter and named in Errors, next to its
// field, with the typed text kept in the field.
type outboxQuery struct {
	Filter outbox.Filter
	Query  string // the search text as typed
	Ticket string // the ticket number as typed
	Errors validate.Errors
}

// outboxFilter reads the outbox's filter from the address. An unknown state is
// dropped without a word (a mangled link still shows the outbox); an overlong search
// text or a ticket number that is none is not applied and says so.
func outboxFilter(r *http.Request) outboxQuery {
	q := r.URL.Query()
	oq := outboxQuery{Query: strings.TrimSpace(q.Get("q")), Ticket: strings.TrimSpace(q.Get("ticket")),
		Errors: validate.Errors{}}
	oq.Query = validate.Clean(oq.Query)
	if oq.Errors.MaxLen("q", oq.Query, maxOutboxQuery); oq.Errors["q"].ID == "" {
		oq.Filter.Query = oq.Query
	}
	if s := q.Get("state"); slices.Contains(outbox.FilterStates, s) {
		oq.Filter.State = s
	}
	if oq.Ticket != "" {
		if n, ok := ticketNumber(oq.Ticket); ok {
			oq.Filter.TicketID = n
		} else {
			oq.Ticket = validate.Truncate(validate.Clean(oq.Ticket), 40)
			oq.Errors.Add("ticket", "admin.outbox.error.ticket", nil)
		}
	}
	return oq
}

// Filtered reports whether the outbox shows a part of the mails only.
func (oq outboxQuery) Filtered() bool {
	return oq.Filter != outbox.Filter{}
}

// outboxPath is the outbox's address with the applied filter, for the pager's links.
func outboxPath(f outbox.Filter) string {
	q := url.Values{}
	if f.Query != "" {
		q.Set("q", f.Query)
	}
	if f.State != "" {
		q.Set("state", f.State)
	}
	if f.TicketID > 0 {
		q.Set("ticket", strconv.FormatInt(f.TicketID, 10))
	}
	if len(q) == 0 {
		return "/admin/outbox"
	}
	return "/admin/outbox?" + q.Encode()
}

// outboxStateChoices are the state filter's options, after "all states".
func outboxStateChoices(ctx context.Context) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "admin.outbox.filter.all_states")}}
	for _, s := range outbox.FilterStates {
		out = append(out, web.Choice{Value: s, Label: i18n.T(ctx, "admin.outbox.filter.state."+s)})
	}
	return out
}
