package server_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/filestore"
)

// keptDesk is a desk for the kept-files tests (web/kept_files.go), with files to send
// and ways to look into the staged uploads and the file store.
type keptDesk struct {
	*desk
	pdf, png []byte
}

func newKeptDesk(t *testing.T, d *desk) *keptDesk {
	return &keptDesk{desk: d,
		pdf: append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 12*1024-9)...),
		png: append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1}, 300)...)}
}

func (k *keptDesk) pdfFile(name string) apptest.File {
	return apptest.File{Field: "files", Name: name, Data: k.pdf}
}

func (k *keptDesk) pngFile(name string) apptest.File {
	return apptest.File{Field: "files", Name: name, Data: k.png}
}

// keptListed are the kept ids a returned form lists.
func keptListed(body string) []string {
	var ids []string
	for _, m := range stagedRE.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// rows counts the staged uploads matching cond (SQL, with args).
func (k *keptDesk) rows(t *testing.T, cond string, args ...any) (n int) {
	t.Helper()
	if err := k.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM staged_uploads WHERE `+cond, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// keyOf is the file key of staged upload id.
func (k *keptDesk) keyOf(t *testing.T, id string) (key string) {
	t.Helper()
	if err := k.env.DB.QueryRow(context.Background(), `SELECT file_key FROM staged_uploads WHERE id = ?`, id).Scan(&key); err != nil {
		t.Fatal(err)
	}
	return key
}

// stored reports whether the file store holds key.
func (k *keptDesk) stored(t *testing.T, key string) bool {
	t.Helper()
	f, err := k.env.App.Env.Files.Open(key)
	if errors.Is(err, filestore.ErrNotFound) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return true
}

// attached lists the file names attached to ticket id, in order, and how often key is
// attached anywhere.
func (k *keptDesk) attached(t *testing.T, id int64, key string) (names []string, uses int) {
	t.Helper()
	ctx := context.Background()
	rows, err := k.env.DB.Query(ctx, `SELECT filename FROM ticket_attachments WHERE ticket_id = ? ORDER BY id`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := k.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_attachments WHERE file_key = ?`, key).Scan(&uses); err != nil {
		t.Fatal(err)
	}
	return names, uses
}
