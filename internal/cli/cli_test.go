package cli

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestVersionAndUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Run([]string{"pforte", "version"}, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "pforte ") {
		t.Errorf("version: %d %q", code, out.String())
	}
	if code := Run([]string{"pforte", "nonsense"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "unknown command") {
		t.Errorf("unknown command: %d", code)
	}
}

// TestServeDemo runs `serve --demo` on SQLite and logs in with every printed login.
func TestServeDemo(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	t.Setenv("PFORTE_LOG_LEVEL", "warn")
	go func() { done <- serve(ctx, []string{"--demo", "--data", t.TempDir(), "--addr", addr}, out) }()
	base := "http://" + addr
	deadline := time.Now().Add(20 * time.Second)
	for {
		if r, err := http.Get(base + "/readyz"); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	logins := regexp.MustCompile(`(?m)^\s+(admin|portal)\s+(\S+@\S+)\s+(\S+)`).FindAllStringSubmatch(out.String(), -1)
	if len(logins) < 5 || strings.Contains(out.String(), "/admin/setup/") {
		t.Fatalf("logins not printed (or a setup link was):\n%s", out.String())
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, l := range logins {
		path := "/login"
		if l[1] == "admin" {
			path = "/admin/login"
		}
		r, err := client.PostForm(base+path, url.Values{"email": {l[2]}, "password": {l[3]}})
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != http.StatusSeeOther || strings.Contains(r.Header.Get("Location"), "login") {
			t.Errorf("%s login %s: %d %s", l[1], l[2], r.StatusCode, r.Header.Get("Location"))
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}
