package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"pforte/internal/access"
	"pforte/internal/config"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/download"
	"pforte/internal/inbound"
	"pforte/internal/server"
	"pforte/internal/tenant"
)

// shutdownGrace is how long in-flight requests may take after SIGTERM.
const shutdownGrace = 30 * time.Second

// workerGrace is how long a job already being delivered may still run after SIGTERM.
const workerGrace = 25 * time.Second

func serve(ctx context.Context, args []string, out io.Writer) error {
	cfg, err := config.Parse("serve", args)
	if err != nil {
		return err
	}
	log := cfg.Logger()
	slog.SetDefault(log) // for the few places without an Env, such as web.Render
	gcTarget()
	if cfg.InboundAddr != "" { // before the database: a typo here should not cost a migration first
		if _, err := inbound.ParseEndpoint(cfg.InboundAddr); err != nil {
			return fmt.Errorf("PFORTE_INBOUND_ADDR: %w", err)
		}
	}
	d, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := refreshSearch(ctx, d); err != nil {
		return err
	}
	t, err := ensureTenant(ctx, d, cfg, out)
	if err != nil {
		return err
	}
	app, err := server.New(cfg, d, log)
	if err != nil {
		return err
	}
	// Download files uploaded before office documents were told apart; it needs the
	// file store, so not in refreshSearch (which migrate runs without one).
	if _, err := download.RefreshTypes(ctx, d, app.Env.Files); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return listenRefusal(cfg.Addr, err)
	}
	origin := cfg.BaseURL
	if origin == "" {
		origin = "http://localhost:" + portOf(ln.Addr().String())
	}
	if link, err := app.Access.SetupLink(ctx, t.ID, origin); err == nil {
		fmt.Fprintf(out, "\nNo administrator yet. Open this one-time link to create the first one (valid 24 h):\n  %s\n\n", link)
	} else if !errors.Is(err, access.ErrHasAdmin) {
		return err
	}
	if _, err := startDebug(cfg.DebugAddr, log); err != nil {
		ln.Close()
		return fmt.Errorf("debug listener (PFORTE_DEBUG_ADDR): %w", err)
	}
	inboundFailed, stopInbound, err := startInbound(cfg, app)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{Handler: app.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}

	workerCtx, stopWorker := context.WithCancel(context.Background())
	workerDone := make(chan struct{})
	go func() { app.Worker.Run(workerCtx); close(workerDone) }()
	go app.RunJanitor(workerCtx)
	go app.RunAutomation(workerCtx) // closes, reminds and resolves tickets as the tenants set
	indexed := make(chan struct{})
	go indexOlderMessages(workerCtx, d, log, indexed) // search_refresh.go

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Info("pforte listening", "addr", ln.Addr().String(), "engine", d.Engine(), "portal", origin+"/", "back_office", origin+"/admin/")

	select {
	case err = <-served:
	case err = <-inboundFailed:
		srv.Close()
	case <-ctx.Done():
		log.Info("shutting down: finishing in-flight requests and the job being delivered")
		sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		inboundStopped := make(chan error, 1) // mail being received finishes alongside the requests
		go func() { inboundStopped <- stopInbound(sctx) }()
		err = srv.Shutdown(sctx)
		if ierr := <-inboundStopped; ierr != nil && err == nil {
			err = ierr
		}
		cancel()
	}
	if ctx.Err() == nil { // stopped by a failure: close the mail listener before the database
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		stopInbound(sctx)
		cancel()
	}
	stopWorker()
	select { // the job being delivered finishes, but an orchestrator will not wait forever
	case <-workerDone:
	case <-time.After(workerGrace):
		log.Warn("a job was still running at shutdown; it is retried after its lease")
	}
	<-indexed // stops within one short batch once cancelled, before the database closes
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	log.Info("stopped")
	return err
}

// gcTarget lets the heap grow to three times what is live before the garbage collector
// runs (GOGC=200) unless GOGC is set. The live heap is small (kept lists and frames,
// tens of MiB), so Go's default collected several times a second under load and spent
// a tenth of the CPU on it; the bigger target halves that for some tens of MiB of memory.
// GOMEMLIMIT, when set, still caps the heap.
func gcTarget() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}

func openMigrated(ctx context.Context, cfg config.Config) (*db.DB, error) {
	d, err := db.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, openRefusal(cfg, err)
	}
	d.SetConns(cfg.DBConns)
	if err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// ensureTenant makes sure the installation has its default tenant: the demo tenant with
// --demo on an empty database, otherwise a plain one named "Pforte".
func ensureTenant(ctx context.Context, d *db.DB, cfg config.Config, out io.Writer) (tenant.Tenant, error) {
	t, err := tenant.Default(ctx, d)
	if err == nil {
		if cfg.Demo {
			fmt.Fprintln(out, "The database is not empty; --demo loads demo data only into an empty one.")
		}
		return t, nil
	}
	if !errors.Is(err, db.ErrNotFound) {
		return t, err
	}
	if cfg.Demo {
		logins, err := demo.Load(ctx, d, time.Now())
		switch {
		case errors.Is(err, demo.ErrNotEmpty): // another instance loaded it at the same moment
		case err != nil:
			return t, fmt.Errorf("demo: %w", err)
		default:
			if err := loadDemoFiles(ctx, d, cfg); err != nil {
				return t, fmt.Errorf("demo downloads: %w", err)
			}
			printLogins(out, cfg, logins)
		}
		return tenant.Default(ctx, d)
	}
	t, err = tenant.CreateDefault(ctx, d, "Pforte", tenant.InstallLanguage, []string{"helpdesk", "knowledge", "downloads"}, time.Now())
	if errors.Is(err, tenant.ErrDefaultExists) {
		return tenant.Default(ctx, d)
	}
	return t, err
}

func printLogins(out io.Writer, cfg config.Config, logins []demo.Login) {
	port := portOf(cfg.Addr)
	fmt.Fprintf(out, "\nDemo data loaded: tenant \"Demo Service GmbH\".\n")
	fmt.Fprintf(out, "  Back office: http://localhost:%s/admin/\n  Portal:      http://localhost:%s/\n\n", port, port)
	for _, l := range logins {
		fmt.Fprintf(out, "  %-11s %-34s %-18s %s\n", l.Where, l.Email, l.Password, l.Note)
	}
	fmt.Fprintln(out)
}

func portOf(addr string) string {
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		return addr[i+1:]
	}
	return "8080"
}
