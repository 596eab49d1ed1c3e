package server

import (
	"context"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
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
		LocalURL: localURL(cfg.Addr), Wake: a.Worker.Wake}
	a.Env.SendNow = func(ctx context.Context, tenantID int64, m mail.Message) error {
		s, from, err := deliver.Route(ctx, tenantID)
		if err != nil {
			return err
		}
		m.From = from
		_, err = s.Send(ctx, m)
		return err
	}
	if a.Env.Files, err = filestore.New(filepath.Join(cfg.DataDir, "files")); err != nil {
		return nil, err
	}
	a.Access = &access.Service{DB: d, Now: time.Now}
	key, err := twofactor.LoadKey(cfg.SecretKey, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	a.Access.Keys = twofactor.NewKeyring(key)
	if cfg.SecretKey == "" && cfg.DatabaseURL != "" {
		log.Warn("PFORTE_SECRET_KEY is not set: two-factor secrets are sealed with the key in the data directory; every instance on this database needs the same key")
	}
	a.Inbound = a.newInbound()
	a.handler = a.routes()
	return a, nil
}

// newSender picks SMTP when configured, else the file store in the data directory.
func newSender(cfg config.Config) (mail.Sender, string, error) {
	from := cfg.MailFrom
	if cfg.SMTPURL == "" {
		if from == "" {
			from = "Pforte <portal@localhost>"
		}
		return mail.NewFileSender(filepath.Join(cfg.DataDir, "outbox")), from, nil
	}
	s, err := mail.NewSMTP(cfg.SMTPURL)
	if err != nil {
		return nil, "", fmt.Errorf("server: PFORTE_SMTP_URL: %w", err)
	}
	if u, _ := url.Parse(cfg.SMTPURL); from == "" && u != nil && u.Query().Get("from") == "" {
		from = "Pforte <portal@localhost>"
	}
	return s, from, nil
}

// route sends a tenant's mail through the SMTP server set in its back office, or else
// through the installation's sender.
func route(d *db.DB, fallback mail.Sender, fallbackFrom string) func(context.Context, int64) (mail.Sender, string, error) {
	return func(ctx context.Context, tenantID int64) (mail.Sender, string, error) {
		ms, err := tenant.GetMail(ctx, d, tenantID)
		if err != nil {
			return nil, "", err
		}
		from := ms.From
		if from == "" {
			from = fallbackFrom
		}
		if ms.SMTPURL == "" {
			return fallback, from, nil
		}
		s, err := mail.NewSMTP(ms.SMTPURL)
		if err != nil {
			return nil, "", fmt.Errorf("tenant %d SMTP settings: %w", tenantID, err)
		}
		if ms.From == "" {
			if u, _ := url.Parse(ms.SMTPURL); u != nil && u.Query().Get("from") != "" {
				from = "" // the URL's from= applies
			}
		}
		return s, from, nil
	}
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
	mux.Handle("GET /metrics", bearer(a.Cfg.MetricsKey, promhttp.HandlerFor(reg, promhttp.HandlerOpts{})))
	a.Env.TenantChanged = cache.Forget
	web.Register(mux, admin.Routes(a.Env, a.Access))
	web.Register(mux, portal.Routes(a.Env, a.Access, lists))

	var h http.Handler = observe(a.Log, m, mux)
	h = withTenant(a.Env, cache, h)
	h = securityHeaders(a.Env, h)
	return http.NewCrossOriginProtection().Handler(h)
}

// bearer guards a handler with a static token when one is configured.
func bearer(key string, next http.Handler) http.Handler {
	if key == "" {
		return next
	}
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
