package cli

import (
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// startDebug serves the profiler on addr (PFORTE_DEBUG_ADDR) so an operator can see where
// a busy server spends its time, and returns the address it listens on (nil when addr
// is empty). It has its own mux and listener: the handlers must never be reachable
// through the public address. The listener ends with the process.
func startDebug(addr string, log *slog.Logger) (net.Addr, error) {
	if addr == "" {
		return nil, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil {
			log.Error("debug listener", "err", err)
		}
	}()
	log.Info("profiler listening", "addr", ln.Addr().String())
	return ln.Addr(), nil
}
