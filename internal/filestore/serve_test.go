package filestore

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// deadlines is a response that takes write deadlines, as the server's connections do.
type deadlines struct {
	*httptest.ResponseRecorder
	set []time.Time
}

func (d *deadlines) SetWriteDeadline(t time.Time) error {
	d.set = append(d.set, t)
	return nil
}

// TestServeContentDeadline: a stored file gets a write deadline that fits its size,
// two minutes plus a second for every MinRate bytes, and is sent whole.
func TestServeContentDeadline(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Put(strings.NewReader(strings.Repeat("x", 10*MinRate+5)), 0)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.Open(st.Key)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rec := &deadlines{ResponseRecorder: httptest.NewRecorder()}
	start := time.Now()
	ServeContent(rec, httptest.NewRequest("GET", "/f", nil), time.Time{}, f)
	if rec.Code != 200 || int64(rec.Body.Len()) != st.Size || len(rec.set) != 1 {
		t.Fatalf("%d, %d bytes, %d deadlines", rec.Code, rec.Body.Len(), len(rec.set))
	}
	if got := rec.set[0].Sub(start); got < 2*time.Minute+10*time.Second || got > 2*time.Minute+11*time.Second {
		t.Errorf("deadline %v after the request, want 2m10s", got)
	}
}

// TestOneWayToServeFiles: no package serves a file with http.ServeContent itself, which
// would leave it to the server's two-minute write timeout; ServeContent here is the
// one way, so every download gets a deadline that fits its size.
func TestOneWayToServeFiles(t *testing.T) {
	var seen int
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		seen++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), "http.ServeContent(") && filepath.ToSlash(path) != "../filestore/serve.go" {
			t.Errorf("%s calls http.ServeContent: serve stored files with filestore.ServeContent", path)
		}
		return nil
	})
	if err != nil || seen < 100 {
		t.Fatalf("walked %d files: %v", seen, err)
	}
}
