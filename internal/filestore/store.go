// Package filestore keeps uploaded files (ticket attachments, downloads, article images)
// under generated names in a directory. Callers store the returned key and the metadata;
// the original file name never reaches the file system, so no upload can choose a path.
package filestore

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ErrTooLarge is returned by Put when the content is longer than the limit.
var ErrTooLarge = errors.New("filestore: file too large")

// ErrEmpty is returned by Put for content of zero bytes.
var ErrEmpty = errors.New("filestore: file is empty")

// ErrNotFound is returned by Open for a key that is not stored.
var ErrNotFound = errors.New("filestore: not found")

// Store is a directory of files named by random keys.
type Store struct {
	Dir string
}

// New returns a store rooted at dir, creating it when needed.
func New(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return &Store{Dir: dir}, nil
}

// Stored describes a file after Put.
type Stored struct {
	Key    string // generated name; what the database keeps
	Size   int64
	Type   string // sniffed from the content, never taken from the client
	SHA256 string // hex digest, for deduplication and integrity checks
}

// Upload is a stored file with the name its sender gave it (cleaned; for display and
// Content-Disposition only, never a path).
type Upload struct {
	Stored
	Filename string
}

// Put copies r into the store, reading at most limit bytes (limit <= 0: no limit). The
// content type is sniffed from the first SniffLen bytes (see Sniff), a zip's from its
// entries (see ZipKind). A file over the limit or empty is
// not kept.
func (s *Store) Put(r io.Reader, limit int64) (Stored, error) {
	key, err := newKey()
	if err != nil {
		return Stored{}, err
	}
	path := s.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return Stored{}, fmt.Errorf("filestore: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return Stored{}, fmt.Errorf("filestore: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	defer tmp.Close()

	src := r
	if limit > 0 {
		src = io.LimitReader(r, limit+1)
	}
	head := make([]byte, SniffLen)
	n, err := io.ReadFull(src, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Stored{}, fmt.Errorf("filestore: read: %w", err)
	}
	head = head[:n]
	h := sha256.New()
	w := io.MultiWriter(tmp, h)
	if _, err := w.Write(head); err != nil {
		return Stored{}, fmt.Errorf("filestore: write: %w", err)
	}
	rest, err := io.Copy(w, src)
	if err != nil {
		return Stored{}, fmt.Errorf("filestore: write: %w", err)
	}
	size := int64(n) + rest
	if size == 0 {
		return Stored{}, ErrEmpty
	}
	if limit > 0 && size > limit {
		return Stored{}, ErrTooLarge
	}
	typ := Sniff(head)
	if typ == "application/zip" { // an office document? Its entries tell.
		typ = ZipKind(tmp, size, head)
	}
	if err := tmp.Sync(); err != nil {
		return Stored{}, fmt.Errorf("filestore: sync: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return Stored{}, fmt.Errorf("filestore: close: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return Stored{}, fmt.Errorf("filestore: %w", err)
	}
	return Stored{Key: key, Size: size, Type: typ, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// Open returns the stored file for streaming (it is an io.ReadSeeker, so
// http.ServeContent can answer Range requests from it).
func (s *Store) Open(key string) (*os.File, error) {
	if !validKey(key) {
		return nil, ErrNotFound
	}
	f, err := os.Open(s.path(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	return f, nil
}

// Has reports whether the store holds key (a retention rule may have deleted a file a
// record still names).
func (s *Store) Has(key string) bool {
	if !validKey(key) {
		return false
	}
	_, err := os.Stat(s.path(key))
	return err == nil
}

// Delete removes a stored file; a missing file is not an error.
func (s *Store) Delete(key string) error {
	if !validKey(key) {
		return nil
	}
	if err := os.Remove(s.path(key)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("filestore: %w", err)
	}
	return nil
}

// path spreads files over 256 subdirectories so no directory grows huge.
func (s *Store) path(key string) string {
	return filepath.Join(s.Dir, key[:2], key)
}

func newKey() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("filestore: key: %w", err)
	}
	return hex.EncodeToString(b), nil
}

func validKey(k string) bool {
	if len(k) != 32 {
		return false
	}
	return strings.Trim(k, "0123456789abcdef") == ""
}
