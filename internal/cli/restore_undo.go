package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// dataDirBefore is what the data directory held before a restore. A restore that fails
// before its rows are committed removes what it added — the SQLite file with its -wal
// and -shm companions, the directory itself when it was new — so that a later serve on
// the directory does not quietly start an empty portal where the operator expects the
// restored one, and the restore can simply be run again. What was there before stays,
// whatever it is.
type dataDirBefore struct {
	dir     string
	existed bool
	names   map[string]bool
}

// noteDataDir records the data directory's entries (the top level: everything a
// restore adds there is a new top-level entry or lies inside one).
func noteDataDir(dir string) (*dataDirBefore, error) {
	b := &dataDirBefore{dir: dir, names: map[string]bool{}}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return b, nil
	}
	if err != nil {
		return nil, fmt.Errorf("restore: data directory: %w", err)
	}
	b.existed = true
	for _, e := range entries {
		b.names[e.Name()] = true
	}
	return b, nil
}

// undo removes the entries the failed restore added, and the directory when the
// restore created it and it is empty again.
func (b *dataDirBefore) undo() error {
	entries, err := os.ReadDir(b.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("restore: cleaning up %s: %w", b.dir, err)
	}
	var errs []error
	for _, e := range entries {
		if !b.names[e.Name()] {
			if err := os.RemoveAll(filepath.Join(b.dir, e.Name())); err != nil {
				errs = append(errs, fmt.Errorf("restore: cleaning up: %w", err))
			}
		}
	}
	if !b.existed && len(errs) == 0 {
		if err := os.Remove(b.dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("restore: cleaning up: %w", err))
		}
	}
	return errors.Join(errs...)
}
