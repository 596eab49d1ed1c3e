package filestore

import (
	"errors"
	"fmt"
	"io"
)

// TypeOf sniffs the content type of the stored file key again, as Put does: for files
// stored by an older release whose type is told apart better today (an office
// document's, recorded as "application/zip" before ZipKind). It reads the file's first
// SniffLen bytes, and a zip's central directory.
func (s *Store) TypeOf(key string) (string, error) {
	f, err := s.Open(key)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("filestore: %w", err)
	}
	head := make([]byte, SniffLen)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("filestore: read: %w", err)
	}
	head = head[:n]
	typ := Sniff(head)
	if typ == "application/zip" {
		typ = ZipKind(f, st.Size(), head)
	}
	return typ, nil
}
