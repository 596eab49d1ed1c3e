package apptest

import (
	"context"
	"time"
)

// ListenInbound starts the app's incoming-mail listener (SMTP) on a free loopback port
// for the test and returns its address; it stops when the test ends.
func (e *Env) ListenInbound() string {
	e.T.Helper()
	l := e.App.Inbound
	if err := l.Listen("127.0.0.1:0"); err != nil {
		e.T.Fatal(err)
	}
	go l.Serve()
	e.T.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		l.Shutdown(ctx)
	})
	return l.Addr().String()
}
