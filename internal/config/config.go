// Package config reads the infrastructure settings from flags and PFORTE_* environment
// variables. Everything a provider changes day to day lives in the database instead.
package config

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
)

// Config holds the settings of one process.
type Config struct {
	Addr        string // listen address for HTTP
	DataDir     string // SQLite database, stored mail, files
	DatabaseURL string // postgres://… selects PostgreSQL; empty means SQLite in DataDir
	SMTPURL     string // smtp://user:pass@host:587?from=…; empty stores mail in DataDir
	MailFrom    string // sender of outgoing mail
	BaseURL     string // public URL for links in mails; empty: derived from each request
	TrustProxy  bool   // honour X-Forwarded-Proto/-For
	LogLevel    slog.Level
	LogJSON     bool
	MetricsKey  string // when set, /metrics needs "Authorization: Bearer <key>"
	SecretKey   string // seals TOTP secrets; empty: a key file in DataDir (instances must share it)
	Workers     int    // concurrent mail deliveries per process
	Demo        bool   // load demo data into an empty database
	// InboundAddr is where incoming mail is received: host:port (SMTP),
	// lmtp://host:port or lmtp:/path/to/socket (LMTP); empty: no listener.
	InboundAddr     string
	InboundMaxBytes int64 // largest incoming message
	// InboundTLSCert and InboundTLSKey are PEM files; when set, the SMTP listener offers
	// STARTTLS.
	InboundTLSCert, InboundTLSKey string
	// DebugAddr serves Go's profiler (net/http/pprof) on its own listener, never on
	// the public one; empty: off. Meant for loopback, e.g. 127.0.0.1:6060.
	DebugAddr string
	// ListCacheMB bounds the rendered ticket lists a process keeps, in MiB (32 hold
	// about 1,300 of the longest pages); 0 keeps none.
	ListCacheMB int
	// DBConns bounds the connections to PostgreSQL; 0 chooses db.DefaultConns.
	DBConns int
}

// Parse reads flags from args (after the subcommand) with environment defaults.
func Parse(name string, args []string) (Config, error) {
	var c Config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&c.Addr, "addr", env("PFORTE_ADDR", ":8080"), "HTTP listen address (PFORTE_ADDR)")
	fs.StringVar(&c.DataDir, "data", env("PFORTE_DATA", "./data"), "data directory (PFORTE_DATA)")
	fs.BoolVar(&c.Demo, "demo", false, "load demo data into an empty database")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	var err error
	if c.DatabaseURL, err = secret("PFORTE_DATABASE_URL"); err != nil {
		return c, err
	}
	if c.SMTPURL, err = secret("PFORTE_SMTP_URL"); err != nil {
		return c, err
	}
	if c.MetricsKey, err = secret("PFORTE_METRICS_TOKEN"); err != nil {
		return c, err
	}
	if c.SecretKey, err = secret("PFORTE_SECRET_KEY"); err != nil {
		return c, err
	}
	c.MailFrom = env("PFORTE_MAIL_FROM", "")
	c.BaseURL = strings.TrimSuffix(env("PFORTE_BASE_URL", ""), "/")
	c.TrustProxy = env("PFORTE_TRUST_PROXY", "") == "1" || env("PFORTE_TRUST_PROXY", "") == "true"
	c.LogJSON = env("PFORTE_LOG_FORMAT", "text") == "json"
	if err := c.LogLevel.UnmarshalText([]byte(env("PFORTE_LOG_LEVEL", "info"))); err != nil {
		return c, fmt.Errorf("config: PFORTE_LOG_LEVEL: %w", err)
	}
	if _, err := fmt.Sscan(env("PFORTE_WORKERS", "4"), &c.Workers); err != nil || c.Workers < 1 {
		return c, fmt.Errorf("config: PFORTE_WORKERS must be a positive number")
	}
	c.InboundAddr = env("PFORTE_INBOUND_ADDR", "")
	c.DebugAddr = env("PFORTE_DEBUG_ADDR", "")
	c.InboundTLSCert, c.InboundTLSKey = env("PFORTE_INBOUND_TLS_CERT", ""), env("PFORTE_INBOUND_TLS_KEY", "")
	if (c.InboundTLSCert == "") != (c.InboundTLSKey == "") {
		return c, fmt.Errorf("config: PFORTE_INBOUND_TLS_CERT and PFORTE_INBOUND_TLS_KEY go together: set both or neither")
	}
	if _, err := fmt.Sscan(env("PFORTE_INBOUND_MAX_BYTES", "26214400"), &c.InboundMaxBytes); err != nil || c.InboundMaxBytes < 1 {
		return c, fmt.Errorf("config: PFORTE_INBOUND_MAX_BYTES must be a positive number of bytes")
	}
	if _, err := fmt.Sscan(env("PFORTE_LIST_CACHE_MB", "32"), &c.ListCacheMB); err != nil || c.ListCacheMB < 0 || c.ListCacheMB > 1<<16 {
		return c, fmt.Errorf("config: PFORTE_LIST_CACHE_MB must be a number of MiB from 0 to 65536")
	}
	if _, err := fmt.Sscan(env("PFORTE_DB_CONNS", "0"), &c.DBConns); err != nil || c.DBConns < 0 || c.DBConns > 10000 {
		return c, fmt.Errorf("config: PFORTE_DB_CONNS must be a number of connections from 1 to 10000 (0: automatic)")
	}
	return c, nil
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// secret reads KEY, or the file named by KEY_FILE (for container secrets).
func secret(key string) (string, error) {
	if path := os.Getenv(key + "_FILE"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("config: %s_FILE: %w", key, err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	return os.Getenv(key), nil
}

// Logger builds the process logger.
func (c Config) Logger() *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogJSON {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}
