package server

import (
	"context"
	"net"
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

// mailOrigin is the portal address for links in mails that no request caused.
func (a *App) mailOrigin(_ context.Context, t tenant.Tenant) string { return a.Env.TenantOrigin(t) }

// localURL turns the listen address into a URL for mail links while nothing better is
// known: ":8080" and "0.0.0.0:8080" become http://localhost:8080.
func localURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://localhost"
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
