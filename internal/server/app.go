package server

import (
	"context"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	netmail "net/mail"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"pforte/internal/access"
	"pforte/internal/admin"
	"pforte/internal/config"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/inbound"
	"pforte/internal/jobs"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/portal"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// App is one running Pforte process.
type App struct {
	Cfg     config.Config
	DB      *db.DB
	Log     *slog.Logger
	Env     *web.Env
	Access  *access.Service
	Worker  *jobs.Worker
	Inbound *inbound.Listener // incoming mail; started by serve when configured
	handler http.Handler
}

// New builds the application on an open, migrated database.
func New(cfg config.Config, d *db.DB, log *slog.Logger) (*App, error) {
	sender, from, err := newSender(cfg)
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	a := &App{Cfg: cfg, DB: d, Log: log}
	a.Worker = &jobs.Worker{DB: d, ID: fmt.Sprintf("%s-%d", host, os.Getpid()), Workers: cfg.Workers, Log: log}
	deliver := &outbox.Deliverer{DB: d, Route: route(d, sender, from), Now: time.Now}
	a.Worker.Handlers = map[string]jobs.Handler{outbox.JobKind: deliver.Deliver}
	a.Env = &web.Env{DB: d, Log: log, Now: time.Now, TrustProxy: cfg.TrustProxy, BaseURL: cfg.BaseURL,
		LocalURL: localURL(cfg.Addr), Wake: a.Worker.Wake, InstallSMTP: cfg.SMTPURL != ""}
	a.Env.SendNow = func(ctx context.Context, tenantID int64, m mail.Message) (bool, error) {
		s, from, err := deliver.Route(ctx, tenantID)
		if err != nil {
			return false, err
		}
		m.From, m.MessageID = from, mail.IDFrom(m.MessageID, from)
		_, err = s.Send(ctx, m)
		return mail.Stores(s), err
	}
	if a.Env.Files, err = filestore.New(filepath.Join(cfg.DataDir, "files")); err != nil {
		return nil, err
	}
	a.Access = &access.Service{DB: d, Now: time.Now, Files: a.Env.Files}
	// "Forgot password" is answered by the worker, so the request takes as long for
	// an unknown address as for a known one.
	a.Worker.Handlers[access.ResetJobKind] = a.Access.RunResetJob
	a.Worker.Handlers[access.StaffResetJobKind] = a.Access.RunStaffResetJob
	key, err := twofactor.LoadKey(cfg.SecretKey, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	a.Access.Keys = twofactor.NewKeyring(key)
	if cfg.SecretKey == "" && cfg.DatabaseURL != "" {
		log.Warn("PFORTE_SECRET_KEY is not set: two-factor secrets are sealed with the key in the data directory; every instance on this database needs the same key")
	}
	// A restore or move that left the old key behind locks everyone with two-factor
	// sign-in out, the only admin too: say so at start, not at the first failed sign-in.
	if n, err := twofactor.ForeignSecrets(context.Background(), d, a.Access.Keys); err != nil {
		return nil, err
	} else if n > 0 {
		log.Error("two-factor secrets were sealed with another secret key: these people cannot finish a sign-in with their authenticator or recovery codes. "+
			"Start with the old installation's PFORTE_SECRET_KEY, or copy secret.key from its data directory", "secrets", n)
	}
	a.Inbound = a.newInbound()
	a.Env.ReceivesMail = a.Inbound.Listening
	a.handler = a.routes()
	return a, nil
}

// newSender picks SMTP when configured, else the file store in the data directory. The
// sender address is PFORTE_MAIL_FROM, else the SMTP URL's from=, else portal@localhost.
func newSender(cfg config.Config) (mail.Sender, string, error) {
	from := cfg.MailFrom
	if cfg.SMTPURL == "" {
		return mail.NewFileSender(filepath.Join(cfg.DataDir, "outbox")), or(from, defaultFrom), nil
	}
	s, err := mail.NewSMTP(cfg.SMTPURL)
	if err != nil {
		return nil, "", fmt.Errorf("server: PFORTE_SMTP_URL: %w", err)
	}
	return s, or(from, urlFrom(cfg.SMTPURL), defaultFrom), nil
}

const defaultFrom = "Pforte <portal@localhost>"

// urlFrom is the from= of an SMTP URL, or "".
func urlFrom(smtpURL string) string {
	if u, err := url.Parse(smtpURL); err == nil {
		return u.Query().Get("from")
	}
	return ""
}

func or(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// route sends a tenant's mail through the SMTP server set in its back office, or else
// through the installation's sender. A tenant without a sender of its own sends from
// the installation's address under the tenant's name, as the settings page promises
// ("shown as the sender of emails").
func route(d *db.DB, fallback mail.Sender, fallbackFrom string) func(context.Context, int64) (mail.Sender, string, error) {
	return func(ctx context.Context, tenantID int64) (mail.Sender, string, error) {
		ms, err := tenant.GetMail(ctx, d, tenantID)
		if err != nil {
			return nil, "", err
		}
		sender := fallback
		if ms.SMTPURL != "" {
			if sender, err = mail.NewSMTP(ms.SMTPURL); err != nil {
				return nil, "", fmt.Errorf("tenant %d SMTP settings: %w", tenantID, err)
			}
			if f := urlFrom(ms.SMTPURL); f != "" && ms.From == "" {
				return sender, f, nil // the tenant's own choice, display name and all
			}
		}
		if ms.From != "" {
			return sender, ms.From, nil
		}
		return sender, named(ms.TenantName, fallbackFrom), nil
	}
}

// named puts name in front of the address of from ("Service GmbH <portal@example.com>").
func named(name, from string) string {
	a, err := netmail.ParseAddress(from)
	if err != nil || name == "" {
		return from
	}
	a.Name = name
	return a.String()
}

// Handler is the complete HTTP handler (for tests and the server).
func (a *App) Handler() http.Handler { return a.handler }

func (a *App) routes() http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	lists := web.NewFragments(a.Cfg.ListCacheMB << 20)
	m := newMetrics(reg, a.DB, lists)
	cache := &tenants{db: a.DB, hit: map[string]cachedTenant{}}

	mux := http.NewServeMux()
	mux.Handle("GET /static/", web.Static())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /readyz", a.ready)
	mux.Handle("GET /metrics", metricsGuard(a.Env, a.Cfg.MetricsKey, promhttp.HandlerFor(reg, promhttp.HandlerOpts{})))
	a.Env.TenantChanged = cache.Forget
	web.Register(mux, admin.Routes(a.Env, a.Access))
	web.Register(mux, portal.Routes(a.Env, a.Access, lists))

	// Cross-origin protection sits inside the tenant and the security headers, so its
	// refusal is a page in the visitor's language with the same headers as every other.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(crossOrigin))
	var h http.Handler = observe(a.Log, m, mux)
	h = cop.Handler(h)
	h = withTenant(a.Env, cache, h)
	return securityHeaders(a.Env, h)
}

// crossOrigin answers an unsafe request another site (or a proxy that rewrites the
// host name) sent.
func crossOrigin(w http.ResponseWriter, r *http.Request) {
	web.Render(w, r, http.StatusForbidden, web.ErrorPage("error.cross_origin.title", "error.cross_origin.text"))
}

// metricsGuard guards /metrics: with a token configured, by the token; without one,
// only a scraper on the same machine that talks to Pforte directly is served. Request
// counts by route and status, the queue depth and the process figures tell an outsider
// how the portal is used (and, watched around a "forgot password", more), so they are
// not public by default.
func metricsGuard(env *web.Env, key string, next http.Handler) http.Handler {
	if key != "" {
		return bearer(key, next)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !localDirect(env, r) {
			http.Error(w, "forbidden: set PFORTE_METRICS_TOKEN to scrape /metrics from another machine", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// localDirect reports a request from a loopback address that no proxy forwarded: a
// reverse proxy on the same machine connects from loopback too, but says on whose
// behalf (X-Forwarded-For, Forwarded, X-Real-IP).
func localDirect(env *web.Env, r *http.Request) bool {
	for _, h := range []string{"X-Forwarded-For", "Forwarded", "X-Real-Ip"} {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	ip, err := netip.ParseAddr(strings.Trim(env.ClientIP(r), "[]")) // "[::1]" from an IPv6 RemoteAddr
	return err == nil && ip.Unmap().IsLoopback()
}

// bearer guards a handler with a static token.
func bearer(key string, next http.Handler) http.Handler {
	want := []byte("Bearer " + key)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ready answers 200 when the database answers and every migration is applied.
func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	ok, err := a.DB.Migrated(ctx)
	if err != nil || !ok {
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}
