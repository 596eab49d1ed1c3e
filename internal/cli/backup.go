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
)

// backupCmd writes the archive of the running (or stopped) portal: the database of
// PFORTE_DATABASE_URL or the data directory, and the data directory's files.
func backupCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	data := fs.String("data", "", "data directory (PFORTE_DATA)")
	dest := fs.String("out", "", "archive to write (default: pforte-backup-<date>-<time>.tar.gz here; - for standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := dataConfig("backup", *data)
	if err != nil {
		return err
	}
	d, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	now := time.Now()
	if *dest == "" {
		*dest = "pforte-backup-" + now.Format("20060102-150405") + ".tar.gz"
	}
	w, report := io.Writer(os.Stdout), out
	var f *os.File
	if *dest != "-" {
		// A partial archive is written under a temporary name and renamed when whole,
		// so a file named like a backup is always a complete one.
		if f, err = os.CreateTemp(filepath.Dir(*dest), ".pforte-backup-*"); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		defer os.Remove(f.Name())
		defer f.Close()
		w = f
	} else {
		report = os.Stderr // the archive itself goes to standard output
	}
	sum, err := backup.Write(ctx, d, cfg.DataDir, Version, now, w)
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
		if err := os.Rename(f.Name(), *dest); err != nil {
			return fmt.Errorf("backup: %w", err)
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("restore: name the archive: pforte restore [--data DIR] FILE (- for standard input)")
	}
	cfg, err := dataConfig("restore", *data)
	if err != nil {
		return err
	}
	var r io.Reader = os.Stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		defer f.Close()
		r = f
	}
	d, err := db.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer d.Close()
	sum, err := backup.Restore(ctx, d, cfg.DataDir, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "restored %d rows in %d tables and %d files (%d bytes) from a backup of %s (schema %d, %s); everyone signs in again\n",
		sum.Rows, sum.Tables, sum.Files, sum.Bytes, sum.Manifest.Created, sum.Manifest.Migration, sum.Manifest.Engine)
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
