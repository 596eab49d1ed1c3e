package server

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"pforte/internal/web"
)

// TestLogKeepsNoLinkSecret: the request log (level debug), a panic's entry and a failed
// request's entry name the route's path without the secret of a reset, invitation or
// setup link, which would let whoever reads the logs use a link that is still valid.
func TestLogKeepsNoLinkSecret(t *testing.T) {
	const secret = "oIoGuE3nfcxLhiiBZc7L9L80LV5gRZArynXUfyCCNRw"
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env := &web.Env{Log: log}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /password/reset/{token}", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("form"))
	})
	mux.HandleFunc("POST /password/reset/{token}", func(w http.ResponseWriter, r *http.Request) {
		env.Fail(w, r, http.ErrAbortHandler) // any error the handler cannot answer
	})
	mux.HandleFunc("GET /invitation/{token}", func(w http.ResponseWriter, r *http.Request) { panic("boom") })
	reg := prometheus.NewRegistry()
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "r"}, []string{"route", "status"}),
		latency:  prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "l"}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.latency)
	h := observe(log, m, mux)
	for _, req := range []*http.Request{
		httptest.NewRequest("GET", "/password/reset/"+secret, nil),
		httptest.NewRequest("POST", "/password/reset/"+secret, nil),
		httptest.NewRequest("GET", "/invitation/"+secret, nil),
	} {
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	out := buf.String()
	if strings.Contains(out, secret) {
		t.Fatalf("the log holds a link's secret:\n%s", out)
	}
	for _, want := range []string{"path=/password/reset/…", "path=/invitation/…", `msg="request failed"`, "msg=panic"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}
