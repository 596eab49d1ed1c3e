package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"

	"pforte/internal/config"
	"pforte/internal/db"
)

// openRefusal words a database that cannot be opened for the operator: which setting
// names it and what to check. The driver's own text ("unable to open database file
// (14)", "dial tcp …: connection refused") stays at the end as the cause; alone it
// names neither the file nor the setting.
func openRefusal(cfg config.Config, err error) error {
	cause := err
	if inner := errors.Unwrap(err); inner != nil { // without the package's "db: connect …:" prefix
		cause = inner
	}
	if cfg.DatabaseURL != "" && !strings.HasPrefix(cfg.DatabaseURL, "postgres://") && !strings.HasPrefix(cfg.DatabaseURL, "postgresql://") {
		return &refusal{err: err, text: "PFORTE_DATABASE_URL must begin with postgres:// (PostgreSQL), or be empty for SQLite in the data directory."}
	}
	if cfg.DatabaseURL != "" {
		return &refusal{err: err, text: fmt.Sprintf("Pforte cannot open the database of PFORTE_DATABASE_URL: %v.\n"+
			"Check that PostgreSQL runs and that the URL's host, port, user, password and database name are right "+
			"(postgres://user:password@host:5432/name?sslmode=disable); the database must exist (createdb name).", cause)}
	}
	return &refusal{err: err, text: fmt.Sprintf("Pforte cannot open its database %s: %v.\n"+
		"The data directory (--data or PFORTE_DATA, now %s) must be a directory the system account running pforte may write to; "+
		"fix its owner or permissions, or name another one.", filepath.Join(cfg.DataDir, db.SQLiteFile), cause, cfg.DataDir)}
}

// listenRefusal words an HTTP address serve cannot listen on.
func listenRefusal(addr string, err error) error {
	why := err.Error()
	if inner := errors.Unwrap(err); inner != nil { // the cause without "listen tcp <addr>:"
		why = inner.Error()
	}
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		why = "another program already listens there (perhaps another pforte)"
	case errors.Is(err, syscall.EACCES):
		why = "ports below 1024 need root or CAP_NET_BIND_SERVICE; use a higher port behind a reverse proxy"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		why = "this machine has no such address; name one of its own, or :PORT for all of them"
	}
	return &refusal{err: err, text: fmt.Sprintf("Pforte cannot listen on %s: %s.\nChoose another address with --addr or PFORTE_ADDR (e.g. 127.0.0.1:8080), or stop what uses it.", addr, why)}
}
