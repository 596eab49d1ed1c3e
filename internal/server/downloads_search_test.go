package server_test

import (
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadSearchPage: the portal's download search finds files by folder name and
// file extension, names each result's folder path with links, and never shows a file
// of another company or tenant that carries the term or lies in a matching folder.
func TestDownloadSearchPage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta, tb int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.b1).Scan(&tb)
		drivers := seedFolder(t, w.env, ta, 0, "Treiber")
		windows := seedFolder(t, w.env, ta, drivers.ID, "Windows 11")
		seedDownload(t, w.env, ta, "Druckerpaket", windows.ID, nil, []byte("x"))               // name Druckerpaket.txt
		seedDownload(t, w.env, ta, "Geheimtreiber A2", windows.ID, []int64{w.a2}, []byte("y")) // title matches, A2 only
		seedDownload(t, w.env, ta, "Liste", 0, nil, []byte("z"))
		seedDownload(t, w.env, tb, "Treiber Mandant B", 0, nil, []byte("b"))

		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		r := alice.Get("/downloads?q=treiber")
		if r.Status != 200 || !strings.Contains(r.Body, "Druckerpaket") {
			t.Fatalf("search by folder name: %d\n%.3000s", r.Status, r.Body)
		}
		for _, want := range []string{`href="/downloads/folders/` + id(drivers.ID) + `"><bdi>Treiber</bdi>`,
			`href="/downloads/folders/` + id(windows.ID) + `"><bdi>Windows 11</bdi>`} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("result lacks its folder path %q", want)
			}
		}
		if strings.Contains(r.Body, "Geheimtreiber") || strings.Contains(r.Body, "Mandant B") {
			t.Errorf("search shows another company's or tenant's file")
		}
		r = alice.Get("/downloads?q=.txt")
		if !strings.Contains(r.Body, "Druckerpaket") || !strings.Contains(r.Body, ">Liste<") ||
			strings.Contains(r.Body, "Geheimtreiber") || strings.Contains(r.Body, "Mandant B") {
			t.Errorf("search by extension:\n%.3000s", r.Body)
		}
		if !strings.Contains(r.Body, `<a href="/downloads">Downloads (oberste Ebene)</a>`) {
			t.Errorf("a top-level result does not say so")
		}
		bob := w.env.Client("a.test")
		bob.Login("bob@a2.test", "bob-password-1")
		if r := bob.Get("/downloads?q=windows"); !strings.Contains(r.Body, "Geheimtreiber A2") || !strings.Contains(r.Body, "Druckerpaket") {
			t.Errorf("A2 misses its own file in the matching folder")
		}
	})
}
