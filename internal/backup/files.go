package backup

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// addDir adds every finished file under dataDir/dir to the archive as dir/… . Files
// still being written (the file store's and the outbox's temporary names start with a
// dot) are left out, and so is a file deleted while the walk passes it.
func addDir(tw *tar.Writer, dataDir, dir string) (files int, size int64, err error) {
	root := filepath.Join(dataDir, dir)
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // no such folder yet, or gone while walking
		}
		if err != nil {
			return err
		}
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			return nil
		}
		rel, err := filepath.Rel(dataDir, p)
		if err != nil {
			return err
		}
		n, err := addFile(tw, p, filepath.ToSlash(rel))
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		files++
		size += n
		return nil
	})
	if err != nil {
		return files, size, fmt.Errorf("backup: files: %w", err)
	}
	return files, size, nil
}

// addFile streams one file into the archive.
func addFile(tw *tar.Writer, p, name string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: info.Size(), ModTime: info.ModTime()}); err != nil {
		return 0, err
	}
	// CopyN: a file that grew since Stat must not write past the size in the header.
	return io.CopyN(tw, f, info.Size())
}

// extract writes one archived file of the data directory into dataDir. Only names
// inside the carried folders are accepted, so an archive cannot write anywhere else.
func extract(dataDir, name string, r io.Reader) (int64, error) {
	clean := path.Clean(name)
	top, _, _ := strings.Cut(clean, "/")
	if !filepath.IsLocal(clean) || clean != name || !carried(top) || top == clean {
		return 0, fmt.Errorf("backup: unexpected file %q in the archive", name)
	}
	dest := filepath.Join(dataDir, filepath.FromSlash(clean))
	if err := os.MkdirAll(filepath.Dir(dest), 0o750); err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	n, err := io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("backup: write %s: %w", name, err)
	}
	return n, nil
}

// settle moves every file restored into staging to the same place under dataDir.
// Staging is inside dataDir, so each move is a rename, unless a carried folder is a
// mount of its own (a container volume for files/): then the file is copied across.
func settle(staging, dataDir string) error {
	return filepath.WalkDir(staging, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(staging, p)
		if err != nil {
			return err
		}
		dest := filepath.Join(dataDir, rel)
		if err := os.MkdirAll(filepath.Dir(dest), 0o750); err != nil {
			return err
		}
		err = os.Rename(p, dest)
		if errors.Is(err, syscall.EXDEV) {
			err = moveAcross(p, dest)
		}
		return err
	})
}

// moveAcross moves a file to another file system: copy, then remove the original.
func moveAcross(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Remove(from)
}

// carried reports whether dir is one of the data directory's folders in a backup.
func carried(dir string) bool {
	for _, d := range dirs {
		if d == dir {
			return true
		}
	}
	return false
}
