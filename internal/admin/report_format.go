package admin

import (
	"context"
	"net/url"

	"pforte/internal/i18n"
)

// reportCompanyQueue is the queue filtered to a company, every state.
func reportCompanyQueue(id int64) string {
	return "/admin/tickets?" + url.Values{"company": {itoa(id)}, "state": {"all"}}.Encode()
}

// reportChannel is a channel (tickets.via) in the reader's language.
func reportChannel(ctx context.Context, via string) string {
	id := "reports.channel." + via
	if s := i18n.T(ctx, id); s != id {
		return s
	}
	return via
}
