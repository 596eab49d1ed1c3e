// Package backup writes the whole portal — every tenant's records and the files of
// the data directory — into one archive while the portal keeps running, and restores
// such an archive into an empty database of either engine (so an installation can also
// move from SQLite to PostgreSQL).
//
// The archive is a gzip-compressed tar: first manifest.json, then one tables/*.jsonl
// file per table, in an order a restore can insert them (a header line naming the table and its columns, then one JSON array
// per row), parents before children, then the data directory's files and outbox.
package backup

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"pforte/internal/db"
)

// Format is the archive layout this package writes and reads.
const Format = 1

// Manifest opens every archive.
type Manifest struct {
	Format    int    `json:"format"`
	Pforte    string `json:"pforte"`    // the version that wrote it
	Engine    string `json:"engine"`    // the engine it was read from
	Migration int64  `json:"migration"` // the schema its rows fit
	Created   string `json:"created"`   // RFC 3339, UTC
}

// Summary tells what a backup or restore covered.
type Summary struct {
	Manifest Manifest
	Tables   int
	Rows     int64
	Files    int
	Bytes    int64 // of the files
	// Held is how many queued mails a restore held (outbox.HoldQueued); 0 for a backup.
	Held int
}

// header is the first line of a table's file.
type header struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
}

// dirs are the data directory's folders a backup carries: uploaded files (the file
// store) and the mails kept when no SMTP server is set.
var dirs = []string{"files", "outbox"}

// Write writes the archive of d and dataDir to w. The rows come from one snapshot, so
// they are consistent with each other while the portal goes on writing; files are
// copied after it (a file uploaded meanwhile may be in the archive without its row,
// which does no harm).
func Write(ctx context.Context, d *db.DB, dataDir, version string, now time.Time, w io.Writer) (Summary, error) {
	zw := gzip.NewWriter(w)
	tw := tar.NewWriter(zw)
	var sum Summary
	err := d.InSnapshot(ctx, func(tx *db.Tx) error {
		m, err := db.SchemaVersion(ctx, tx)
		if err != nil {
			return err
		}
		sum.Manifest = Manifest{Format: Format, Pforte: version, Engine: string(d.Engine()), Migration: m,
			Created: now.UTC().Format(time.RFC3339)}
		b, _ := json.MarshalIndent(sum.Manifest, "", "  ")
		if err := addBytes(tw, "manifest.json", b, now); err != nil {
			return err
		}
		tables, err := schema(ctx, tx)
		if err != nil {
			return err
		}
		for _, t := range tables { // in insert order: the archive's order is the restore's
			n, err := dumpTable(ctx, tx, t, "tables/"+t.Name+".jsonl", now, tw)
			if err != nil {
				return err
			}
			sum.Tables++
			sum.Rows += n
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	for _, dir := range dirs {
		files, size, err := addDir(tw, dataDir, dir)
		if err != nil {
			return sum, err
		}
		sum.Files += files
		sum.Bytes += size
	}
	if err := tw.Close(); err != nil {
		return sum, fmt.Errorf("backup: %w", err)
	}
	if err := zw.Close(); err != nil {
		return sum, fmt.Errorf("backup: %w", err)
	}
	return sum, nil
}

// dumpTable writes one table's rows, ordered by id (or by all columns when it has
// none) so that the same data always gives the same file. A tar entry needs its size
// first, so the rows go to a temporary file on the way.
func dumpTable(ctx context.Context, q db.Querier, t table, name string, now time.Time, tw *tar.Writer) (int64, error) {
	tmp, err := os.CreateTemp("", "pforte-backup-*.jsonl")
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(header{Table: t.Name, Columns: t.Columns}); err != nil {
		return 0, err
	}
	rows, err := q.Query(ctx, "SELECT "+quoted(t.Columns)+" FROM "+t.Name+" ORDER BY "+orderBy(t))
	if err != nil {
		return 0, fmt.Errorf("backup: read %s: %w", t.Name, err)
	}
	defer rows.Close()
	vals := make([]any, len(t.Columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("backup: read %s: %w", t.Name, err)
		}
		out := make([]any, len(vals))
		for i, v := range vals {
			if out[i], err = encode(v); err != nil {
				return n, fmt.Errorf("%w (%s.%s)", err, t.Name, t.Columns[i])
			}
		}
		if err := enc.Encode(out); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("backup: read %s: %w", t.Name, err)
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("backup: %w", err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return n, err
	}
	info, err := tmp.Stat()
	if err != nil {
		return n, err
	}
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: info.Size(), ModTime: now}); err != nil {
		return n, fmt.Errorf("backup: %w", err)
	}
	if _, err := io.Copy(tw, tmp); err != nil {
		return n, fmt.Errorf("backup: %w", err)
	}
	return n, nil
}

// orderBy is the table's id, or all its columns by position.
func orderBy(t table) string {
	for _, c := range t.Columns {
		if c == "id" {
			return "id"
		}
	}
	pos := make([]string, len(t.Columns))
	for i := range pos {
		pos[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(pos, ", ")
}

// quoted joins column names, each in double quotes (a column may be called "position"
// or "key").
func quoted(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = `"` + c + `"`
	}
	return strings.Join(q, ", ")
}

// addBytes adds one small file to the archive.
func addBytes(tw *tar.Writer, name string, b []byte, now time.Time) error {
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(b)), ModTime: now}); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	_, err := tw.Write(b)
	return err
}
