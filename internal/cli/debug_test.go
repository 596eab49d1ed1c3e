package cli

import (
	"io"
	"log/slog"
	"net/http"
	"testing"
)

func TestDebugListenerServesTheProfilerOnItsOwnAddress(t *testing.T) {
	if addr, err := startDebug("", slog.New(slog.DiscardHandler)); addr != nil || err != nil {
		t.Fatalf("empty address: %v %v", addr, err)
	}
	addr, err := startDebug("127.0.0.1:0", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Get("http://" + addr.String() + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || len(body) == 0 {
		t.Fatalf("profiler index: %d", res.StatusCode)
	}
}
