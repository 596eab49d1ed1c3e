package inbound

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"sync/atomic"
	"time"

	"github.com/emersion/go-smtp"

	"pforte/internal/db"
	"pforte/internal/filestore"
)

// DefaultMaxBytes is the largest message the listener takes unless told otherwise.
const DefaultMaxBytes = 25 << 20

// Listener is the SMTP/LMTP server for incoming mail. Set the fields, then Listen,
// Serve, and Shutdown when the process stops.
type Listener struct {
	DB          *db.DB
	Files       *filestore.Store
	Router      Router // nil: InboxRouter, every mail goes to the staff inbox
	Log         *slog.Logger
	Now         func() time.Time
	Wake        func() // nudges the job worker after a mail was routed (a router may queue mail); may be nil
	MaxBytes    int64  // largest message; 0: DefaultMaxBytes
	Domain      string // the server's name in its greeting; "" is "pforte"
	Concurrency int    // messages processed at once (each is held in memory); 0: 8
	// TLS, when set, is offered to senders with STARTTLS (see TLSConfig); nil: plain
	// text only, fine behind a mail server of one's own that hands mail over by LMTP.
	TLS *tls.Config

	srv   *smtp.Server
	ln    net.Listener
	ep    Endpoint
	slots chan struct{}
	bound atomic.Bool // Listen succeeded; read by the back office while serving
}

// Listening reports whether this process receives mail (Listen succeeded), so the mail
// settings can tell an operator who entered support addresses that nothing listens.
func (l *Listener) Listening() bool { return l.bound.Load() }

// Listen binds addr (see ParseEndpoint). A stale unix socket left by a crashed
// process is removed first.
func (l *Listener) Listen(addr string) error {
	ep, err := ParseEndpoint(addr)
	if err != nil {
		return err
	}
	if ep.Network == "unix" {
		if fi, err := os.Lstat(ep.Address); err == nil && fi.Mode()&fs.ModeSocket != 0 {
			os.Remove(ep.Address)
		}
	}
	ln, err := net.Listen(ep.Network, ep.Address)
	if err != nil {
		return fmt.Errorf("inbound: listen %s: %w", addr, err)
	}
	l.ln, l.ep = ln, ep
	l.srv = l.server()
	l.bound.Store(true)
	return nil
}

// Addr is the bound address (useful after listening on port 0).
func (l *Listener) Addr() net.Addr { return l.ln.Addr() }

// LMTP reports whether the listener speaks LMTP.
func (l *Listener) LMTP() bool { return l.ep.LMTP }

// Serve answers connections until Shutdown; it then returns nil.
func (l *Listener) Serve() error {
	proto := "smtp"
	if l.ep.LMTP {
		proto = "lmtp"
	}
	l.log().Info("inbound mail listening", "protocol", proto, "addr", l.ln.Addr().String(), "max_bytes", l.maxBytes(),
		"starttls", l.TLS != nil)
	err := l.srv.Serve(l.ln)
	if errors.Is(err, smtp.ErrServerClosed) || errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections and waits for the sessions under way to end,
// until ctx is done; then it closes them.
func (l *Listener) Shutdown(ctx context.Context) error {
	if l.srv == nil {
		return nil
	}
	err := l.srv.Shutdown(ctx)
	// The server closes only the listeners Serve has handed it: a Shutdown that comes
	// before Serve got that far (a SIGTERM at start, a test that ends at once) would
	// leave Serve accepting for ever. Closed here, its Accept fails and Serve returns.
	l.ln.Close()
	if errors.Is(err, smtp.ErrServerClosed) {
		return nil
	}
	if err != nil {
		l.srv.Close()
	}
	return err
}

func (l *Listener) server() *smtp.Server {
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{l: l, remote: c.Conn().RemoteAddr().String()}, nil
	}))
	s.Network = l.ep.Network
	s.Addr = l.ep.Address
	s.LMTP = l.ep.LMTP
	s.Domain = l.Domain
	if s.Domain == "" {
		s.Domain = "pforte"
	}
	s.MaxMessageBytes = l.maxBytes()
	s.MaxRecipients = 50
	s.ReadTimeout = 2 * time.Minute
	s.WriteTimeout = time.Minute
	s.EnableSMTPUTF8 = true
	s.TLSConfig = l.TLS
	s.ErrorLog = logAdapter{l.log()}
	n := l.Concurrency
	if n <= 0 {
		n = 8
	}
	l.slots = make(chan struct{}, n)
	return s
}

func (l *Listener) maxBytes() int64 {
	if l.MaxBytes > 0 {
		return l.MaxBytes
	}
	return DefaultMaxBytes
}

func (l *Listener) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

func (l *Listener) log() *slog.Logger {
	if l.Log != nil {
		return l.Log
	}
	return slog.Default()
}

func (l *Listener) router() Router {
	if l.Router != nil {
		return l.Router
	}
	return InboxRouter{}
}

// logAdapter sends go-smtp's internal error log to slog.
type logAdapter struct{ log *slog.Logger }

func (a logAdapter) Printf(format string, v ...any) {
	a.log.Warn("inbound smtp: " + fmt.Sprintf(format, v...))
}
func (a logAdapter) Println(v ...any) { a.log.Warn("inbound smtp: " + fmt.Sprint(v...)) }
