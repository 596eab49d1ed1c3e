package server

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"pforte/internal/web"
)

// TestMetricsGuard: without a token only loopback clients that no proxy forwarded get
// the metrics; with a token, exactly that token from anywhere.
func TestMetricsGuard(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("metrics")) })
	for _, c := range []struct {
		key, remote, auth string
		trust             bool
		want              int
	}{
		{"", "127.0.0.1:9090", "", false, 200},
		{"", "[::1]:9090", "", false, 200},
		{"", "192.0.2.10:4711", "", false, 403},
		{"", "[2001:db8::1]:4711", "", false, 403},
		{"", "10.0.0.5:4711", "", true, 403},
		{"s3cret", "192.0.2.10:4711", "Bearer s3cret", false, 200},
		{"s3cret", "127.0.0.1:9090", "", false, 401},
		{"s3cret", "127.0.0.1:9090", "Bearer wrong", false, 401},
	} {
		h := metricsGuard(&web.Env{TrustProxy: c.trust}, c.key, ok)
		r := httptest.NewRequest("GET", "/metrics", nil)
		r.RemoteAddr = c.remote
		if c.auth != "" {
			r.Header.Set("Authorization", c.auth)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.want {
			t.Errorf("key %q from %s (%q): %d, want %d", c.key, c.remote, c.auth, w.Code, c.want)
		}
	}
}
