package cli

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeInbound starts `serve` with PFORTE_INBOUND_ADDR, talks to the mail listener,
// and checks that a shutdown closes it with the HTTP server.
func TestServeInbound(t *testing.T) {
	addr, smtpAddr := freeAddr(t), freeAddr(t)
	t.Setenv("PFORTE_LOG_LEVEL", "warn")
	t.Setenv("PFORTE_INBOUND_ADDR", smtpAddr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, []string{"--data", t.TempDir(), "--addr", addr}, &syncBuffer{}) }()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if r, err := http.Get("http://" + addr + "/readyz"); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("not ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
	c, err := net.Dial("tcp", smtpAddr)
	if err != nil {
		t.Fatal(err)
	}
	greeting, _ := bufio.NewReader(c).ReadString('\n')
	c.Close()
	if !strings.HasPrefix(greeting, "220 ") || !strings.Contains(greeting, "ESMTP") {
		t.Errorf("greeting %q", greeting)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	if c, err := net.Dial("tcp", smtpAddr); err == nil {
		c.Close()
		t.Error("mail listener still open after shutdown")
	}
}

func TestServeInboundBadAddress(t *testing.T) {
	t.Setenv("PFORTE_LOG_LEVEL", "warn")
	t.Setenv("PFORTE_INBOUND_ADDR", "http://nonsense")
	err := serve(context.Background(), []string{"--data", t.TempDir(), "--addr", freeAddr(t)}, &syncBuffer{})
	if err == nil || !strings.Contains(err.Error(), "inbound") {
		t.Errorf("serve with a bad inbound address: %v", err)
	}
}
