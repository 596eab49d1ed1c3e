package server

import (
	"time"

	"pforte/internal/inbound"
)

// newInbound prepares the listener for incoming mail; `pforte serve` starts it when
// PFORTE_INBOUND_ADDR is set. Its Router is the inbox until the helpdesk sets one.
func (a *App) newInbound() *inbound.Listener {
	return &inbound.Listener{DB: a.DB, Files: a.Env.Files, Log: a.Log, Now: time.Now, Wake: a.Worker.Wake,
		MaxBytes: a.Cfg.InboundMaxBytes}
}
