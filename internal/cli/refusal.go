package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"pforte/internal/backup"
	"pforte/internal/config"
	"pforte/internal/db"
)

// refusal is a command refused for a reason the operator can put right. Its text says
// in whole sentences what is wrong and what to do, and Run prints it as it is: a chain
// of Go prefixes ("pforte: backup: …") reads like a log line, not like an answer.
type refusal struct {
	text string
	err  error // the cause, for errors.Is
}

func (r *refusal) Error() string { return r.text }
func (r *refusal) Unwrap() error { return r.err }

// refuse is a refusal with a text built like fmt.Sprintf.
func refuse(format string, args ...any) error {
	return &refusal{text: fmt.Sprintf(format, args...)}
}

// printErr prints what made a command fail: a refusal as its sentences, anything else
// after the program's name.
func printErr(w io.Writer, err error) {
	if rf := (*refusal)(nil); errors.As(err, &rf) {
		fmt.Fprintln(w, rf.text)
		return
	}
	fmt.Fprintln(w, "pforte:", err)
}

// restoreRefusal words a refused restore for the command line; other errors pass
// unchanged. A database in use is named, so the operator sees which one was meant.
func restoreRefusal(err error, cfg config.Config) error {
	if errors.Is(err, backup.ErrNotEmpty) {
		where := filepath.Join(cfg.DataDir, db.SQLiteFile)
		if cfg.DatabaseURL != "" {
			where = "of PFORTE_DATABASE_URL"
		}
		return &refusal{err: err, text: fmt.Sprintf("Nothing was restored: the database %s already holds a portal, and a restore never overwrites one. "+
			"Restore into a new, empty database: name an empty data directory with --data (or PFORTE_DATA), or with PostgreSQL set PFORTE_DATABASE_URL to an empty database.", where)}
	}
	if rf := (*backup.Refusal)(nil); errors.As(err, &rf) {
		return &refusal{err: err, text: "Nothing was restored. " + rf.Reason}
	}
	return err
}
