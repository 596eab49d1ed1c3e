package download

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/filestore"
)

// KeptTTL is how long a kept file waits to be published: after a day its upload is
// most likely started anew, and the janitor deletes it with its content.
const KeptTTL = 24 * time.Hour

// Kept is a file of the back office's upload form kept in the file store after the
// form was refused, or while staff give each of several files its title: the form lists
// it until its owner publishes it, removes it or it ages out. Like the ticket forms'
// staged uploads (ticket/staged.go), but with the checksum a download version keeps.
type Kept struct {
	ID   int64
	Name string // cleaned original name
	filestore.Stored
	CreatedAt time.Time
}

// KeptOwner is whose kept files are meant: one staff member of one tenant. Every query
// filters by both, so nobody lists or publishes another's file.
type KeptOwner struct {
	TenantID, StaffID int64
}

// Keep keeps files (already in the file store) for o and returns them with their ids.
func Keep(ctx context.Context, q db.Querier, o KeptOwner, files []Kept, now time.Time) ([]Kept, error) {
	out := make([]Kept, 0, len(files))
	for _, k := range files {
		id, err := db.Insert(ctx, q, `INSERT INTO download_kept_files (tenant_id, staff_id, file_key, filename, size,
			content_type, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			o.TenantID, o.StaffID, k.Key, k.Name, k.Size, k.Type, k.SHA256, now.Unix())
		if err != nil {
			return nil, fmt.Errorf("download: keep file: %w", err)
		}
		k.ID, k.CreatedAt = id, now
		out = append(out, k)
	}
	return out, nil
}

// KeptOf returns o's kept files among ids, in the order of ids; unknown, another's or
// published ones are left out.
func KeptOf(ctx context.Context, q db.Querier, o KeptOwner, ids []int64) ([]Kept, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return keptRows(ctx, q, `SELECT id, file_key, filename, size, content_type, sha256, created_at
		FROM download_kept_files WHERE tenant_id = ? AND staff_id = ? AND id IN (`+db.Marks(len(ids))+`)`, o, ids)
}

// TakeKept deletes o's kept files among ids and returns them: in the transaction that
// publishes them (their contents become the versions' files), or to remove them (the
// caller deletes the contents). A second take finds them gone, so a file is published
// once.
func TakeKept(ctx context.Context, tx db.Querier, o KeptOwner, ids []int64) ([]Kept, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return keptRows(ctx, tx, `DELETE FROM download_kept_files WHERE tenant_id = ? AND staff_id = ?
		AND id IN (`+db.Marks(len(ids))+`) RETURNING id, file_key, filename, size, content_type, sha256, created_at`, o, ids)
}

// DropKeptExcept deletes o's kept files other than keep, but for the newest spare of
// them, and returns their keys for the caller to delete from the file store. A form
// shown again with files calls it: o's files it does not list may be another tab's
// upload form, to be sent later, so the newest spare stay (db.DropKeptFiles, shared
// with the ticket forms' staged uploads); older ones go, so however often forms are
// refused without their list, at most their own files and spare more stay per member.
func DropKeptExcept(ctx context.Context, tx db.Querier, o KeptOwner, keep []int64, spare int) ([]string, error) {
	keys, err := db.DropKeptFiles(ctx, tx, "download_kept_files", "tenant_id = ? AND staff_id = ?",
		[]any{o.TenantID, o.StaffID}, keep, spare)
	if err != nil {
		return nil, fmt.Errorf("download: %w", err)
	}
	return keys, nil
}

// SweepKept deletes the kept files of every tenant older than KeptTTL at now and
// returns their keys for the caller to delete from the file store. Several instances
// may run it at once: each row is deleted, and its key returned, by one of them.
func SweepKept(ctx context.Context, d *db.DB, now time.Time) ([]string, error) {
	var keys []string
	err := d.InTx(ctx, func(tx *db.Tx) (err error) { // a DELETE that returns rows runs on the writer
		keys, err = keptKeys(ctx, tx, `DELETE FROM download_kept_files WHERE created_at < ? RETURNING file_key`,
			now.Add(-KeptTTL).Unix())
		return err
	})
	return keys, err
}

func keptKeys(ctx context.Context, q db.Querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("download: drop kept files: %w", err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("download: drop kept files: %w", err)
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("download: drop kept files: %w", err)
	}
	return keys, nil
}

// keptRows runs query with o's ids and then ids, and orders what it returns like ids
// (the order the files were listed in), each once.
func keptRows(ctx context.Context, q db.Querier, query string, o KeptOwner, ids []int64) ([]Kept, error) {
	args := []any{o.TenantID, o.StaffID}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("download: kept files: %w", err)
	}
	defer rows.Close()
	byID := map[int64]Kept{}
	for rows.Next() {
		var k Kept
		var at int64
		if err := rows.Scan(&k.ID, &k.Key, &k.Name, &k.Size, &k.Type, &k.SHA256, &at); err != nil {
			return nil, fmt.Errorf("download: kept files: %w", err)
		}
		k.CreatedAt = time.Unix(at, 0)
		byID[k.ID] = k
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("download: kept files: %w", err)
	}
	var out []Kept
	for _, id := range ids {
		if k, ok := byID[id]; ok {
			out = append(out, k)
			delete(byID, id) // an id listed twice counts once
		}
	}
	return out, nil
}

// KeptIDs are the ids of kept.
func KeptIDs(kept []Kept) []int64 {
	ids := make([]int64, 0, len(kept))
	for _, k := range kept {
		ids = append(ids, k.ID)
	}
	return ids
}
