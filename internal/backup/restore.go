package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/ticket"
)

// ErrNotEmpty refuses a restore into a database that already holds a portal: the
// archive's ids would collide with its rows, and nothing may be overwritten unasked.
var ErrNotEmpty = &Refusal{Reason: "The database already holds a portal, and a restore never overwrites one. " + intoEmpty}

// intoEmpty is what to do instead of restoring into a database in use.
const intoEmpty = "Restore into a new, empty database: an empty data directory (--data or PFORTE_DATA), or with PostgreSQL an empty database (PFORTE_DATABASE_URL)."

// Refusal is a restore refused before anything was changed, for a reason the operator
// can put right. Reason says in whole sentences what is wrong and what to do, and is
// what the command line prints; Error keeps the package prefix for logs.
type Refusal struct{ Reason string }

// Error is Reason with the package prefix, for logs; the command line prints Reason alone.
func (r *Refusal) Error() string { return "backup: " + r.Reason }

// refuse is a Refusal with a reason built like fmt.Sprintf.
func refuse(format string, args ...any) *Refusal {
	return &Refusal{Reason: fmt.Sprintf(format, args...)}
}

// Restore reads an archive written by Write into d, which must be empty, and its files
// into dataDir. The schema is first built up to the archive's migration, the rows go in
// in one transaction, and then the remaining migrations run over them, so an archive
// of an older release comes back as if it had been upgraded in place. A failure before
// the rows are committed leaves the database as Restore found it: on PostgreSQL the
// tables and functions it created are dropped again (undo.go); see Committed.
func Restore(ctx context.Context, d *db.DB, dataDir string, r io.Reader) (Summary, error) {
	var sum Summary
	zr, err := gzip.NewReader(r)
	if err != nil {
		return sum, refuse("This file is not a Pforte backup (it is not a gzip-compressed archive). Name an archive written by pforte backup.")
	}
	tr := tar.NewReader(zr)
	if sum.Manifest, err = readManifest(tr); err != nil {
		return sum, err
	}
	created, err := noteSchema(ctx, d)
	if err != nil {
		return sum, err
	}
	sum, err = restoreInto(ctx, d, dataDir, tr, sum)
	if err != nil && !Committed(err) {
		// Not wrapped: the restore failed, and so did the cleanup the operator relies on.
		if uerr := created.undo(ctx, d); uerr != nil {
			return sum, fmt.Errorf("backup: %v; the tables this restore created could not be removed again, drop them before restoring again: %v", err, uerr)
		}
	}
	return sum, err
}

// restoreInto is Restore after the manifest: the schema up to the archive's
// migration, the rows in one transaction (with the queued mails held), the files, the
// remaining migrations. Errors after the rows' commit are marked committed.
func restoreInto(ctx context.Context, d *db.DB, dataDir string, tr *tar.Reader, sum Summary) (Summary, error) {
	if err := prepare(ctx, d, sum.Manifest); err != nil {
		return sum, err
	}
	hdr, err := next(tr)
	if err != nil {
		return sum, damaged(err)
	}
	// The files go to a staging folder while the rows' transaction is still open, and
	// into place only once it has committed: an archive that breaks off among its files
	// leaves neither rows nor files behind, and the restore can simply be run again.
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return sum, fmt.Errorf("backup: %w", err)
	}
	staging, err := os.MkdirTemp(dataDir, ".restore-")
	if err != nil {
		return sum, fmt.Errorf("backup: %w", err)
	}
	keep := false // a staging folder whose files could not all be moved stays for the admin
	defer func() {
		if !keep {
			os.RemoveAll(staging)
		}
	}()
	err = d.InTx(ctx, func(tx *db.Tx) error {
		if hdr, err = loadTables(ctx, tx, tr, hdr, &sum); err != nil {
			return err
		}
		// Mails queued at the backup may have gone out since: none is sent twice
		// unasked (the command line says how many wait, and how to send them).
		if sum.Held, err = outbox.HoldQueued(ctx, tx); err != nil {
			return err
		}
		for ; hdr != nil; hdr, err = next(tr) {
			n, err := extract(staging, hdr.Name, tr)
			if err != nil {
				return err
			}
			sum.Files++
			sum.Bytes += n
		}
		return err
	})
	if err != nil {
		return sum, damaged(err)
	}
	if err := settle(staging, dataDir); err != nil {
		// The rows are in and cannot be restored again; the files not yet moved stay in
		// the staging folder, which the message names, for the admin to move by hand.
		keep = true
		if merr := upgrade(ctx, d); merr != nil {
			return sum, committed{errors.Join(merr, err)}
		}
		return sum, committed{fmt.Errorf("backup: the database is restored, but some files could not be moved into %s; move the rest from %s by hand: %w",
			dataDir, staging, err)}
	}
	if err := upgrade(ctx, d); err != nil {
		return sum, committed{err}
	}
	return sum, nil
}

// upgrade runs the migrations the archive predates and has the conversation of the
// restored tickets indexed anew after the next start (the index is not in the archive).
func upgrade(ctx context.Context, d *db.DB) error {
	if err := d.Migrate(ctx); err != nil {
		return err
	}
	return ticket.Reindex(ctx, d)
}

// loadTables loads the archive's table entries, starting at hdr, with PostgreSQL's
// user triggers off, and moves the id sequences past the loaded rows. It returns the
// first entry after the tables.
func loadTables(ctx context.Context, tx *db.Tx, tr *tar.Reader, hdr *tar.Header, sum *Summary) (*tar.Header, error) {
	tables, err := schema(ctx, tx)
	if err != nil {
		return nil, err
	}
	byName := map[string]table{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	if err := userTriggers(ctx, tx, tables, "DISABLE"); err != nil {
		return nil, err
	}
	for ; hdr != nil && strings.HasPrefix(hdr.Name, "tables/"); hdr, err = next(tr) {
		n, err := load(ctx, tx, byName, tr)
		if err != nil {
			return nil, fmt.Errorf("%w (in %s)", err, hdr.Name)
		}
		sum.Tables++
		sum.Rows += n
	}
	if err != nil {
		return nil, err
	}
	if err := userTriggers(ctx, tx, tables, "ENABLE"); err != nil {
		return nil, err
	}
	return hdr, resetIDs(ctx, tx, tables)
}

// readManifest reads the archive's first entry.
func readManifest(tr *tar.Reader) (Manifest, error) {
	var m Manifest
	hdr, err := tr.Next()
	if err != nil || hdr.Name != "manifest.json" {
		return m, refuse("This file is not a Pforte backup (it does not begin with manifest.json). Name an archive written by pforte backup.")
	}
	if err := json.NewDecoder(io.LimitReader(tr, 1<<16)).Decode(&m); err != nil {
		return m, refuse("The archive's manifest.json cannot be read (%v): the archive is damaged. Take another backup.", err)
	}
	if m.Format != Format || m.Migration <= 0 {
		return m, refuse("The archive has format %d (schema %d), which this release cannot read (it reads format %d). Restore it with the Pforte release that wrote it.",
			m.Format, m.Migration, Format)
	}
	return m, nil
}

// prepare checks that d is empty and builds its schema up to the archive's migration.
func prepare(ctx context.Context, d *db.DB, m Manifest) error {
	latest, err := d.LatestMigration()
	if err != nil {
		return err
	}
	if m.Migration > latest {
		return refuse("The archive was written by a newer Pforte (schema %d; this release knows up to %d). Restore it with that release or a later one.",
			m.Migration, latest)
	}
	cur, err := db.SchemaVersion(ctx, d)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if cur > 0 {
		var tenants int64
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM tenants`).Scan(&tenants); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		if tenants > 0 {
			return ErrNotEmpty
		}
		if cur > m.Migration {
			return refuse("The database is not empty: it is already at schema %d, the archive at %d. %s", cur, m.Migration, intoEmpty)
		}
	}
	return d.MigrateTo(ctx, m.Migration)
}

// next is the archive's next entry, nil at its end.
func next(tr *tar.Reader) (*tar.Header, error) {
	hdr, err := tr.Next()
	if errors.Is(err, io.EOF) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("backup: archive: %w", err)
	}
	return hdr, nil
}

// resetIDs moves PostgreSQL's id sequences past the restored rows, so the next
// insert gets a fresh id. (SQLite takes the largest id plus one by itself.)
func resetIDs(ctx context.Context, tx *db.Tx, tables []table) error {
	if tx.Engine() != db.Postgres {
		return nil
	}
	for _, t := range tables {
		if t.column("id") < 0 {
			continue
		}
		var seq *string
		if err := tx.QueryRow(ctx, `SELECT pg_get_serial_sequence(?, 'id')`, t.Name).Scan(&seq); err != nil {
			return fmt.Errorf("backup: sequence of %s: %w", t.Name, err)
		}
		if seq == nil {
			continue
		}
		if _, err := tx.Exec(ctx, `SELECT setval(?, COALESCE((SELECT MAX(id) FROM `+t.Name+`), 0) + 1, false)`, *seq); err != nil {
			return fmt.Errorf("backup: sequence of %s: %w", t.Name, err)
		}
	}
	return nil
}

// userTriggers switches PostgreSQL's own triggers of the tables off or on (how is
// DISABLE or ENABLE). They only bump list versions, a table the backup leaves out
// (a company without a row reads as version 0); run for every restored ticket they
// made committing a million tickets take minutes. Foreign keys stay checked. SQLite's
// triggers also keep the search indexes and stay on; they run inline and cost little.
func userTriggers(ctx context.Context, tx *db.Tx, tables []table, how string) error {
	if tx.Engine() != db.Postgres {
		return nil
	}
	for _, t := range tables {
		if _, err := tx.Exec(ctx, `ALTER TABLE `+t.Name+` `+how+` TRIGGER USER`); err != nil {
			return fmt.Errorf("backup: %s triggers of %s: %w", how, t.Name, err)
		}
	}
	return nil
}

// column is the position of the named column, -1 when the table has none.
func (t table) column(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}
