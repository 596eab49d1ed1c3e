package filestore

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestPutOpenDelete(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 600)...)
	st, err := s.Put(bytes.NewReader(png), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if st.Type != "image/png" || st.Size != int64(len(png)) || len(st.Key) != 32 || len(st.SHA256) != 64 {
		t.Fatalf("stored %+v", st)
	}
	f, err := s.Open(st.Key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(got, png) {
		t.Fatal("content differs")
	}
	if err := s.Delete(st.Key); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open(st.Key); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestPutRefuses(t *testing.T) {
	s, _ := New(t.TempDir())
	if _, err := s.Put(strings.NewReader(strings.Repeat("x", 11)), 10); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("too large: %v", err)
	}
	if _, err := s.Put(strings.NewReader(""), 10); !errors.Is(err, ErrEmpty) {
		t.Fatalf("empty: %v", err)
	}
	st, err := s.Put(strings.NewReader(strings.Repeat("x", 10)), 10)
	if err != nil || st.Type != "text/plain; charset=utf-8" {
		t.Fatalf("at the limit: %+v %v", st, err)
	}
	for _, k := range []string{"../etc/passwd", "", "ZZ" + strings.Repeat("0", 30)} {
		if _, err := s.Open(k); !errors.Is(err, ErrNotFound) {
			t.Fatalf("key %q: %v", k, err)
		}
	}
}
