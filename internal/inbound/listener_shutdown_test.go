package inbound_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"pforte/internal/inbound"
)

// TestShutdownBeforeServe: a Shutdown that comes before Serve has started accepting
// still ends Serve, which used to accept for ever (a test's cleanup hung on it).
func TestShutdownBeforeServe(t *testing.T) {
	l := &inbound.Listener{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := l.Listen("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	if err := l.Shutdown(context.Background()); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- l.Serve() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after shutdown: %v", err)
		}
	case <-time.After(10 * time.Second): // a hang, not a timing: Serve returns at once or never
		t.Fatal("Serve still accepting after Shutdown")
	}
}
