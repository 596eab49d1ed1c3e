package server_test

import (
	"bytes"
	"crypto/sha256"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// streamSize is the file the streaming test sends through upload and download.
const streamSize = 24 << 20

// TestDownloadStreams: a file of many megabytes goes up through the multipart form and
// down through the portal without either side holding it in memory: the process
// allocates far less than the file's size for each, and the bytes that arrive hash
// like the bytes that were sent.
func TestDownloadStreams(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "k@kunde.test", "kunde-password", "user", co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		staff, contact := env.Client("a.test"), env.Client("a.test")
		staff.AdminLogin("agent@service.test", "agent-password")
		contact.Login("k@kunde.test", "kunde-password")
		client := &http.Client{Timeout: time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}}

		// Upload: the body is written while it is sent, from a seeded generator.
		sent := sha256.New()
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			mw.WriteField("title", "Installationsabbild")
			mw.WriteField("visibility", "all")
			part, _ := mw.CreateFormFile("file", "image.bin")
			src := io.LimitReader(rand.NewChaCha8([32]byte{7}), streamSize)
			_, err := io.Copy(io.MultiWriter(part, sent), src)
			if err == nil {
				err = mw.Close()
			}
			pw.CloseWithError(err)
		}()
		req, _ := http.NewRequest("POST", env.Srv.URL+"/admin/downloads/files", pr)
		req.Host = "a.test"
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.AddCookie(&http.Cookie{Name: web.AdminCookie, Value: staff.Cookie(web.AdminCookie)})
		up := allocated(func() {
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/admin/downloads/files/") {
				t.Fatalf("upload: %d %q", res.StatusCode, res.Header.Get("Location"))
			}
			req.URL.Path = res.Header.Get("Location")
		})
		fileID := idAfter(t, req.URL.Path, "/admin/downloads/files/")

		// Download, read as it arrives.
		got := sha256.New()
		var n int64
		down := allocated(func() {
			req, _ := http.NewRequest("GET", env.Srv.URL+"/downloads/files/"+id(fileID)+"/download", nil)
			req.Host = "a.test"
			req.AddCookie(&http.Cookie{Name: web.PortalCookie, Value: contact.Cookie(web.PortalCookie)})
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			if res.StatusCode != 200 {
				t.Fatalf("download: %d", res.StatusCode)
			}
			n, _ = io.Copy(got, res.Body)
		})
		if n != streamSize || !bytes.Equal(got.Sum(nil), sent.Sum(nil)) {
			t.Fatalf("downloaded %d bytes, hash equal: %v", n, bytes.Equal(got.Sum(nil), sent.Sum(nil)))
		}
		t.Logf("allocated while uploading %d MB: %d KB; while downloading: %d KB", streamSize>>20, up>>10, down>>10)
		for what, a := range map[string]uint64{"upload": up, "download": down} {
			if a > streamSize/4 {
				t.Errorf("%s allocated %d KB for a %d KB file: it is held in memory", what, a>>10, streamSize>>10)
			}
		}
	})
}

// allocated runs fn and returns the bytes the whole process allocated meanwhile (the
// server runs in this process).
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
