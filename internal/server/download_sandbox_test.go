package server_test

import (
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadServedSandboxed: a file of the download area is served as ticket
// attachments are: as an attachment, not sniffed, and with a sandbox policy, so an
// uploaded HTML page that a browser shows after all runs nothing in the portal's
// origin (the pages' own policy would allow the portal's scripts there).
func TestDownloadServedSandboxed(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Contact(ten, "k@kunde.test", "kunde-password-1", "user", env.Company(ten, "Kunde AG"))
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("")
		agent.AdminLogin("agent@service.test", "agent-password")
		page := []byte(`<!doctype html><html><body><script src="/static/js/app.js"></script>Seite</body></html>`)
		r := agent.PostMultipart("/admin/downloads/files", map[string]string{"title": "Seite", "folder_id": "0", "visibility": "all"},
			apptest.File{Field: "file", Name: "seite.html", Data: page})
		if r.Status != 303 {
			t.Fatalf("upload: %d %.300s", r.Status, r.Body)
		}
		fid := strings.TrimPrefix(r.Location, "/admin/downloads/files/")
		k := env.Client("")
		k.Login("k@kunde.test", "kunde-password-1")
		vid := idAfter(t, agent.Get(r.Location).Body, "/admin/downloads/versions/")
		for who, c := range map[string]*apptest.Client{"/downloads/files/" + fid + "/download": k,
			"/admin/downloads/versions/" + id(vid) + "/download": agent} {
			d := c.Get(who)
			if d.Status != 200 || !strings.HasPrefix(d.Header.Get("Content-Disposition"), "attachment;") {
				t.Fatalf("GET %s: %d %q", who, d.Status, d.Header.Get("Content-Disposition"))
			}
			if csp := d.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("GET %s: Content-Security-Policy %q, want a sandbox", who, csp)
			}
		}
	})
}
