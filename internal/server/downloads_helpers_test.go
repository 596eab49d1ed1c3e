package server_test

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// rawResponse is an answer read byte for byte, with every header (for Range tests).
type rawResponse struct {
	Status int
	Header http.Header
	Body   []byte
}

// fetch sends a request with extra headers as the client's portal session would.
func fetch(t *testing.T, env *apptest.Env, c *apptest.Client, host, method, path string, hdr map[string]string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(method, env.Srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	req.AddCookie(&http.Cookie{Name: web.PortalCookie, Value: c.Cookie(web.PortalCookie)})
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	hc := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rawResponse{Status: res.StatusCode, Header: res.Header, Body: b}
}

// seedDownload stores content and publishes it as a file of the tenant, visible to all
// or (companies not nil) to those companies.
func seedDownload(t *testing.T, env *apptest.Env, tenantID int64, title string, folder int64, companies []int64, content []byte) download.File {
	t.Helper()
	ctx := context.Background()
	st, err := env.App.Env.Files.Put(bytes.NewReader(content), 0)
	if err != nil {
		t.Fatal(err)
	}
	vis := download.VisibleAll
	if companies != nil {
		vis = download.VisibleCompanies
	}
	var f download.File
	err = env.DB.InTx(ctx, func(tx *db.Tx) error {
		f, err = download.Create(ctx, tx, download.File{TenantID: tenantID, Title: title, FolderID: folder, Visibility: vis},
			companies, download.Version{Key: st.Key, Name: title + ".txt", Size: st.Size, Type: st.Type, SHA256: st.SHA256}, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// seedFolder creates a download folder.
func seedFolder(t *testing.T, env *apptest.Env, tenantID, parent int64, name string) download.Folder {
	t.Helper()
	f, err := download.CreateFolder(context.Background(), env.DB, download.Folder{TenantID: tenantID, ParentID: parent, Name: name}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// storedFiles counts the files in the application's file store.
func storedFiles(t *testing.T, env *apptest.Env) int {
	t.Helper()
	n := 0
	filepath.WalkDir(env.App.Env.Files.Dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

// countOf reads one number from the database.
func countOf(t *testing.T, env *apptest.Env, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := env.DB.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// idAfter reads the id that follows prefix in a redirect location or page.
func idAfter(t *testing.T, s, prefix string) int64 {
	t.Helper()
	i := strings.Index(s, prefix)
	if i < 0 {
		t.Fatalf("no %q in %.300q", prefix, s)
	}
	rest := s[i+len(prefix):]
	end := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(rest)
	}
	n, err := strconv.ParseInt(rest[:end], 10, 64)
	if err != nil {
		t.Fatalf("no id after %q in %.300q", prefix, s)
	}
	return n
}
