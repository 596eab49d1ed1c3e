package cli

import (
	"context"

	"pforte/internal/config"
	"pforte/internal/inbound"
	"pforte/internal/server"
)

// startInbound starts the mail listener when PFORTE_INBOUND_ADDR is set. It returns a
// channel that yields the listener's error should it stop by itself, and the function
// that stops it gracefully (both no-ops without a listener).
func startInbound(cfg config.Config, app *server.App) (<-chan error, func(context.Context) error, error) {
	failed := make(chan error, 1)
	if cfg.InboundAddr == "" {
		return failed, func(context.Context) error { return nil }, nil
	}
	if cfg.InboundTLSCert != "" {
		tc, err := inbound.TLSConfig(cfg.InboundTLSCert, cfg.InboundTLSKey, app.Log)
		if err != nil {
			return nil, nil, err
		}
		app.Inbound.TLS = tc
	}
	if err := app.Inbound.Listen(cfg.InboundAddr); err != nil {
		return nil, nil, err
	}
	go func() {
		if err := app.Inbound.Serve(); err != nil {
			failed <- err
		}
	}()
	return failed, app.Inbound.Shutdown, nil
}
