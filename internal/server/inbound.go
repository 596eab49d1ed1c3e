package server

import (
	"context"
	"time"

	"pforte/internal/inbound"
	"pforte/internal/tenant"
	"pforte/internal/ticketmail"
)

// newInbound prepares the listener for incoming mail; `pforte serve` starts it when
// PFORTE_INBOUND_ADDR is set. The helpdesk routes the mail: replies into their tickets,
// mail of known senders and company domains into new tickets, the rest to the inbox.
func (a *App) newInbound() *inbound.Listener {
	return &inbound.Listener{DB: a.DB, Files: a.Env.Files, Log: a.Log, Now: time.Now, Wake: a.Worker.Wake,
		MaxBytes: a.Cfg.InboundMaxBytes, Router: ticketmail.Router{Origin: a.mailOrigin}}
}

// mailOrigin is the portal address for links in mails that no request caused: the
// configured base URL, else the tenant's first hostname.
func (a *App) mailOrigin(ctx context.Context, t tenant.Tenant) string {
	if a.Cfg.BaseURL != "" {
		return a.Cfg.BaseURL
	}
	hosts, err := tenant.Hosts(ctx, a.DB, t.ID)
	if err != nil || len(hosts) == 0 {
		return "http://localhost" + a.Cfg.Addr
	}
	return "http://" + hosts[0]
}
