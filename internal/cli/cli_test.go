package cli

import (
	"bytes"
	"context"
	"net"
	"net/http"
	neturl "net/url"
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
	base, out, stop := startServe(t, "--demo", "--data", t.TempDir())
	logins := regexp.MustCompile(`(?m)^\s+(back office|portal)\s+(\S+@\S+)\s+(\S+)`).FindAllStringSubmatch(out.String(), -1)
	if len(logins) < 5 || strings.Contains(out.String(), "/admin/setup/") {
		t.Fatalf("logins not printed (or a setup link was):\n%s", out.String())
	}
	for _, l := range logins {
		path := "/login"
		if l[1] == "back office" { // where, not the role: the agent signs in there too
			path = "/admin/login"
		}
		if loc := login(t, base+path, l[2], l[3]); strings.Contains(loc, "login") {
			t.Errorf("%s login %s: sent to %s", l[1], l[2], loc)
		}
	}
	stop()
}

// startServe runs serve with args on a free port until stop (or the test's end) and
// gives its address and output once it is ready.
func startServe(t *testing.T, args ...string) (base string, out *syncBuffer, stop func()) {
	t.Helper()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan error, 1)
	t.Setenv("PFORTE_LOG_LEVEL", "warn")
	go func() { done <- serve(ctx, append(args, "--addr", addr), out) }()
	base = "http://" + addr
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if r, err := http.Get(base + "/readyz"); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			return base, out, stop
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// login posts a sign-in form and gives where the answer sends the browser.
func login(t *testing.T, url, email, password string) string {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	r, err := client.PostForm(url, neturl.Values{"email": {email}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusSeeOther {
		t.Errorf("sign-in %s: %d", email, r.StatusCode)
	}
	return r.Header.Get("Location")
}
