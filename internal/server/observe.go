package server

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/web"
)

// metrics are the Prometheus collectors of one process.
type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry, d *db.DB, lists *web.Fragments) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pforte_http_requests_total", Help: "HTTP requests by route pattern and status.",
		}, []string{"route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "pforte_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"route"}),
	}
	depth := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "pforte_queue_depth", Help: "Jobs (mails, …) waiting or running.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := jobs.Depth(ctx, d)
		if err != nil {
			return -1
		}
		return float64(n)
	})
	// Held mails wait for an admin (send or not) and no worker takes them, so they
	// are counted apart from the depth: an alert on the depth does not fire for a
	// restore, and one on this gauge tells that someone has a decision to make.
	held := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "pforte_queue_held", Help: "Jobs held until an administrator decides: mails queued when a restored backup was taken.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := jobs.Held(ctx, d)
		if err != nil {
			return -1
		}
		return float64(n)
	})
	kept := func(result string, n func() float64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "pforte_list_cache_total", Help: "Ticket list requests answered from rendered lists (hit) or rendered anew (miss).",
			ConstLabels: prometheus.Labels{"result": result},
		}, n)
	}
	reg.MustRegister(m.requests, m.latency, depth, held,
		kept("hit", func() float64 { h, _ := lists.Stats(); return float64(h) }),
		kept("miss", func() float64 { _, n := lists.Stats(); return float64(n) }))
	return m
}

// statusWriter remembers the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// observe counts, times and logs every request by its route pattern (not its path, so ids
// do not explode the label set), and turns a panic into a logged 500.
func observe(log *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic", "method", r.Method, "path", web.LogPath(r), "panic", p)
				if sw.status == 0 {
					http.Error(sw, "internal server error", http.StatusInternalServerError)
				}
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			if sw.status == 0 {
				sw.status = http.StatusOK
			}
			d := time.Since(start)
			m.requests.WithLabelValues(route, strconv.Itoa(sw.status)).Inc()
			m.latency.WithLabelValues(route).Observe(d.Seconds())
			log.Debug("request", "method", r.Method, "path", web.LogPath(r), "route", route, "status", sw.status, "dur", d)
		}()
		next.ServeHTTP(sw, r)
	})
}
