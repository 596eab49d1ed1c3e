package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"pforte/internal/backup"
	"pforte/internal/config"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
)

// backupCmd writes the archive of the running (or stopped) portal: the database of
// PFORTE_DATABASE_URL or the data directory, and the data directory's files.
func backupCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	data := fs.String("data", "", "data directory (PFORTE_DATA)")
	dest := fs.String("out", "", "archive to write (default: pforte-backup-<date>-<time>.tar.gz here; - for standard output); an existing file is refused")
	overwrite := fs.Bool("overwrite", false, "replace the file --out names if it exists (only once the new archive is whole)")
	if err := config.ParseFlags(fs, args); err != nil {
		return err
	}
	if err := config.ExtraOperands(fs, "backup", 0); err != nil {
		return err
	}
	cfg, err := dataConfig("backup", *data)
	if err != nil {
		return err
	}
	// A wrong --data, or cron's working directory for the default ./data, would create
	// an empty database there and write an empty archive every night that looks like a
	// backup.
	if cfg.DatabaseURL == "" {
		if _, err := os.Stat(filepath.Join(cfg.DataDir, db.SQLiteFile)); err != nil {
			return refuse("Nothing was backed up: there is no portal database in %s. Name the data directory with --data (or PFORTE_DATA), or set PFORTE_DATABASE_URL.", cfg.DataDir)
		}
	}
	d, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := tenant.Default(ctx, d); errors.Is(err, db.ErrNotFound) {
		return refuse("Nothing was backed up: the database holds no portal yet. Check that --data (or PFORTE_DATA / PFORTE_DATABASE_URL) names the one serve uses.")
	} else if err != nil {
		return err
	}
	now := time.Now()
	if *dest == "" {
		*dest = "pforte-backup-" + now.Format("20060102-150405") + ".tar.gz"
	}
	// A folder as --out failed only at the end, after the whole archive was written,
	// with "rename …: file exists".
	if fi, err := os.Stat(*dest); err == nil && fi.IsDir() {
		return refuse("Nothing was backed up: %s is a folder. Name the archive file with --out, for example --out %s.",
			*dest, filepath.Join(*dest, "pforte-backup-"+now.Format("20060102-150405")+".tar.gz"))
	}
	// An operator who reuses a name (a fixed --out, a date without the time) would
	// lose the older backup, perhaps the last good one.
	if *dest != "-" && !*overwrite {
		if _, err := os.Lstat(*dest); err == nil {
			return archiveExists(*dest)
		}
	}
	w, report := io.Writer(os.Stdout), out
	var f *os.File
	if *dest != "-" {
		// A partial archive is written under a temporary name and renamed when whole,
		// so a file named like a backup is always a complete one.
		if f, err = os.CreateTemp(filepath.Dir(*dest), ".pforte-backup-*"); err != nil {
			return &refusal{err: err, text: fmt.Sprintf("Nothing was backed up: the archive cannot be written into %s (%v). Name a writable folder with --out.",
				filepath.Dir(*dest), errors.Unwrap(err))}
		}
		defer os.Remove(f.Name())
		defer f.Close()
		w = f
	} else {
		report = os.Stderr // the archive itself goes to standard output
	}
	sum, err := backup.Write(ctx, d, cfg.DataDir, version(), now, w)
	if err != nil {
		return err
	}
	if f != nil {
		if err := f.Sync(); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		if err := placeArchive(f.Name(), *dest, *overwrite); err != nil {
			return err
		}
	}
	fmt.Fprintf(report, "backup written to %s: %d rows in %d tables, %d files (%d bytes), schema %d (%s)\n",
		*dest, sum.Rows, sum.Tables, sum.Files, sum.Bytes, sum.Manifest.Migration, sum.Manifest.Engine)
	return nil
}

// restoreCmd reads an archive into an empty database and data directory.
func restoreCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	data := fs.String("data", "", "data directory (PFORTE_DATA)")
	sendQueued := fs.Bool("send-queued", false, "send the mails that were queued when the backup was taken (default: held until an admin sends them from the outbox)")
	if err := config.ParseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return refuse("Name the archive to restore: pforte restore [--data DIR] FILE (- for standard input).")
	}
	if err := config.ExtraOperands(fs, "restore", 1); err != nil {
		return err
	}
	cfg, err := dataConfig("restore", *data)
	if err != nil {
		return err
	}
	var r io.Reader = os.Stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return &refusal{err: err, text: fmt.Sprintf("Nothing was restored: the archive %s cannot be opened (%v).", name, errors.Unwrap(err))}
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() { // else read as "not a gzip-compressed archive"
			return refuse("Nothing was restored: %s is a folder. Name the archive file written by pforte backup.", name)
		}
		r = f
	}
	before, err := noteDataDir(cfg.DataDir)
	if err != nil {
		return err
	}
	d, err := db.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return errors.Join(err, before.undo())
	}
	sum, err := backup.Restore(ctx, d, cfg.DataDir, r)
	if err != nil {
		// Closed first: SQLite's last connection tidies its -wal and -shm files.
		d.Close()
		if !backup.Committed(err) {
			if uerr := before.undo(); uerr != nil {
				return &refusal{err: err, text: fmt.Sprintf("%v\nWhat the restore added to %s could not all be removed (%v): remove it before starting serve there.",
					restoreRefusal(err, cfg), cfg.DataDir, uerr)}
			}
		}
		return restoreRefusal(err, cfg)
	}
	defer d.Close()
	fmt.Fprintf(out, "restored %d rows in %d tables and %d files (%d bytes) from a backup of %s (schema %d, %s); everyone signs in again\n",
		sum.Rows, sum.Tables, sum.Files, sum.Bytes, sum.Manifest.Created, sum.Manifest.Migration, sum.Manifest.Engine)
	if err := reportHeld(ctx, d, out, sum.Held, *sendQueued); err != nil {
		return err
	}
	remindErasures(out, sum.Manifest.Created)
	return warnForeignSecrets(ctx, d, cfg, out)
}

// warnForeignSecrets says after a restore when two-factor secrets in the database were
// sealed with a key this installation does not have: the archive leaves the key out
// (see README), and without it everyone with two-factor sign-in is locked out, the only
// administrator too.
func warnForeignSecrets(ctx context.Context, d *db.DB, cfg config.Config, out io.Writer) error {
	key, ok := twofactor.PresentKey(cfg.SecretKey, cfg.DataDir)
	if !ok {
		key = []byte("no key yet: every stored secret is foreign") // serve would make a fresh one
	}
	n, err := twofactor.ForeignSecrets(ctx, d, twofactor.NewKeyring(key))
	if err != nil || n == 0 {
		return err
	}
	who := fmt.Sprintf("%d accounts use", n)
	if n == 1 {
		who = "1 account uses"
	}
	fmt.Fprintf(out, "%s two-factor sign-in sealed with the old installation's secret key, which the archive does not hold.\n"+
		"Before starting serve, set PFORTE_SECRET_KEY as it was, or copy secret.key from the old data directory to %s;\n"+
		"without it they cannot finish a sign-in, administrators included.\n",
		who, filepath.Join(cfg.DataDir, twofactor.KeyFile))
	return nil
}

// dataConfig reads the database settings from the same flags and variables as serve,
// with --data when given.
func dataConfig(name, data string) (config.Config, error) {
	var args []string
	if data != "" {
		args = []string{"--data", data}
	}
	return config.Parse(name, args)
}
