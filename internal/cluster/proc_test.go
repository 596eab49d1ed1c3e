package cluster

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Time limits for starting and stopping a process.
const (
	readyTimeout = 30 * time.Second
	stopTimeout  = 40 * time.Second // longer than serve's own 30 s shutdown grace
)

// instance is one `pforte serve` process of a test.
type instance struct {
	name   string
	URL    string // http://127.0.0.1:port
	cmd    *exec.Cmd
	stdout syncBuffer
	stderr syncBuffer
	done   chan struct{} // closed when the process has exited
	err    error         // the result of Wait, set before done closes
}

// newInstance prepares a process on database dsn with mail to smtpURL, on its own free
// port and data directory. It does not start it; t.Cleanup stops it with SIGTERM, checks
// that it exited with status 0 and logs its output when the test failed.
func newInstance(t *testing.T, name, dsn, smtpURL string) *instance {
	t.Helper()
	port := freePort(t)
	in := &instance{name: name, URL: "http://127.0.0.1:" + port, done: make(chan struct{})}
	in.cmd = exec.Command(binary(t), "serve")
	env := []string{}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PFORTE_") {
			env = append(env, kv)
		}
	}
	in.cmd.Env = append(env, "PFORTE_DATABASE_URL="+dsn, "PFORTE_DATA="+t.TempDir(),
		"PFORTE_ADDR=127.0.0.1:"+port, "PFORTE_SMTP_URL="+smtpURL, "PFORTE_WORKERS=4")
	in.cmd.Stdout, in.cmd.Stderr = &in.stdout, &in.stderr
	t.Cleanup(func() {
		in.stop(t)
		if t.Failed() {
			t.Logf("%s stdout:\n%s", in.name, in.stdout.String())
			t.Logf("%s stderr:\n%s", in.name, in.stderr.String())
		}
	})
	return in
}

// start launches the process; it is safe to call from another goroutine.
func (in *instance) start() error {
	if err := in.cmd.Start(); err != nil {
		close(in.done)
		return fmt.Errorf("%s: start: %w", in.name, err)
	}
	go func() { in.err = in.cmd.Wait(); close(in.done) }()
	return nil
}

// stop sends SIGTERM and waits for a graceful exit with status 0.
func (in *instance) stop(t *testing.T) {
	t.Helper()
	if in.cmd.Process == nil {
		return
	}
	select {
	case <-in.done:
		t.Errorf("%s exited before the test stopped it: %v", in.name, in.err)
		return
	default:
	}
	in.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-in.done:
	case <-time.After(stopTimeout):
		in.cmd.Process.Kill()
		<-in.done
		t.Errorf("%s did not stop within %v after SIGTERM", in.name, stopTimeout)
		return
	}
	if in.err != nil {
		t.Errorf("%s: exit after SIGTERM: %v (want status 0)", in.name, in.err)
	}
}

// startAll launches the processes at the same moment, one goroutine each.
func startAll(t *testing.T, ins ...*instance) {
	t.Helper()
	gate := make(chan struct{})
	errs := make([]error, len(ins))
	var wg sync.WaitGroup
	for i, in := range ins {
		wg.Go(func() { <-gate; errs[i] = in.start() })
	}
	close(gate)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
}

// waitReady polls /readyz of every instance until each answers 200, failing the test
// when one exits or readyTimeout passes first.
func waitReady(t *testing.T, ins ...*instance) {
	t.Helper()
	client := &http.Client{Timeout: 2 * time.Second}
	pending := append([]*instance(nil), ins...)
	for deadline := time.Now().Add(readyTimeout); len(pending) > 0; time.Sleep(50 * time.Millisecond) {
		var still []*instance
		for _, in := range pending {
			select {
			case <-in.done:
				t.Fatalf("%s exited while starting: %v", in.name, in.err)
			default:
			}
			res, err := client.Get(in.URL + "/readyz")
			if err == nil {
				res.Body.Close()
			}
			if err != nil || res.StatusCode != http.StatusOK {
				still = append(still, in)
			}
		}
		pending = still
		if len(pending) > 0 && time.Now().After(deadline) {
			t.Fatalf("%s not ready within %v", pending[0].name, readyTimeout)
		}
	}
}

// pair starts two instances on one database, the second once the first is ready (so
// it does not wait for the first one's migration lock), and returns both ready.
func pair(t *testing.T, dsn, smtpURL string) (*instance, *instance) {
	t.Helper()
	a, b := newInstance(t, "instance 1", dsn, smtpURL), newInstance(t, "instance 2", dsn, smtpURL)
	startAll(t, a)
	waitReady(t, a)
	startAll(t, b)
	waitReady(t, b)
	return a, b
}

// usedPorts are the ports freePort handed out in this run, never handed out twice.
var usedPorts sync.Map

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) string {
	t.Helper()
	for {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if _, seen := usedPorts.LoadOrStore(port, true); !seen {
			return fmt.Sprint(port)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for a process's output goroutine and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns everything written so far.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
