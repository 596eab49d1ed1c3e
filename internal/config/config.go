// Package config reads the infrastructure settings from flags and PFORTE_* environment
// variables. Everything a provider changes day to day lives in the database instead.
package config

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"
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
	c.Addr = env("PFORTE_ADDR", ":8080") // staff-login builds its link's port from it
	if name == "serve" {                 // migrate listens nowhere and loads no demo data
		fs.StringVar(&c.Addr, "addr", c.Addr, "HTTP listen address (PFORTE_ADDR)")
		fs.BoolVar(&c.Demo, "demo", false, "load demo data into an empty database")
	}
	fs.StringVar(&c.DataDir, "data", env("PFORTE_DATA", "./data"), "data directory (PFORTE_DATA)")
	if err := ParseFlags(fs, args); err != nil {
		return c, err
	}
	if err := ExtraOperands(fs, name, 0); err != nil {
		return c, err
	}
	var err error
	// What only serve uses is checked only there: a backup or restore should not be
	// refused over a mail setting.
	serving := name == "serve"
	if err := checkAddr("--addr (PFORTE_ADDR)", c.Addr); serving && err != nil {
		return c, err
	}
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
	if serving && c.SMTPURL != "" {
		if err := checkSMTPURL(c.SMTPURL); err != nil {
			return c, err
		}
	}
	if c.MailFrom = env("PFORTE_MAIL_FROM", ""); serving && c.MailFrom != "" {
		if err := checkMailFrom(c.MailFrom); err != nil {
			return c, err
		}
	}
	// The base URL is checked where links are made of it: serve and the commands that
	// print a link.
	linking := serving || name == "staff-login" || name == "tenant"
	if c.BaseURL = strings.TrimSuffix(strings.TrimSpace(env("PFORTE_BASE_URL", "")), "/"); linking && c.BaseURL != "" {
		if err := checkBaseURL(c.BaseURL); err != nil {
			return c, err
		}
	}
	if c.TrustProxy, err = flagSetting("PFORTE_TRUST_PROXY"); err != nil {
		return c, err
	}
	switch f := env("PFORTE_LOG_FORMAT", "text"); f {
	case "text", "json":
		c.LogJSON = f == "json"
	default:
		return c, fmt.Errorf("config: PFORTE_LOG_FORMAT must be text or json, not %q", f)
	}
	if err := c.LogLevel.UnmarshalText([]byte(env("PFORTE_LOG_LEVEL", "info"))); err != nil {
		return c, fmt.Errorf("config: PFORTE_LOG_LEVEL: %w", err)
	}
	c.InboundAddr = env("PFORTE_INBOUND_ADDR", "")
	if c.DebugAddr = env("PFORTE_DEBUG_ADDR", ""); serving && c.DebugAddr != "" {
		if err := checkAddr("PFORTE_DEBUG_ADDR", c.DebugAddr); err != nil {
			return c, err
		}
	}
	c.InboundTLSCert, c.InboundTLSKey = env("PFORTE_INBOUND_TLS_CERT", ""), env("PFORTE_INBOUND_TLS_KEY", "")
	if (c.InboundTLSCert == "") != (c.InboundTLSKey == "") {
		return c, fmt.Errorf("config: PFORTE_INBOUND_TLS_CERT and PFORTE_INBOUND_TLS_KEY go together: set both or neither")
	}
	for _, n := range []struct {
		key, def, want string
		lo, hi         int64
		set            func(int64)
	}{
		{"PFORTE_WORKERS", "4", "a number from 1 to 1024", 1, 1 << 10, func(v int64) { c.Workers = int(v) }},
		{"PFORTE_INBOUND_MAX_BYTES", "26214400", "a positive number of bytes", 1, 1 << 40, func(v int64) { c.InboundMaxBytes = v }},
		{"PFORTE_LIST_CACHE_MB", "32", "a number of MiB from 0 to 65536", 0, 1 << 16, func(v int64) { c.ListCacheMB = int(v) }},
		{"PFORTE_DB_CONNS", "0", "a number of connections from 1 to 10000 (0: automatic)", 0, 10000, func(v int64) { c.DBConns = int(v) }},
	} {
		// strconv rather than fmt.Sscan: Sscan reads "8x" as 8 and would start a
		// process with a setting nobody wrote.
		v, err := strconv.ParseInt(strings.TrimSpace(env(n.key, n.def)), 10, 64)
		if err != nil || v < n.lo || v > n.hi {
			return c, fmt.Errorf("config: %s must be %s, not %q", n.key, n.want, env(n.key, n.def))
		}
		n.set(v)
	}
	return c, nil
}

// flagSetting reads an on/off variable; unset or empty is off, anything unreadable is
// an error rather than a silent "off".
func flagSetting(key string) (bool, error) {
	v := strings.TrimSpace(os.Getenv(key))
	if v == "" {
		return false, nil
	}
	on, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("config: %s must be true or false (1 or 0), not %q", key, v)
	}
	return on, nil
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
