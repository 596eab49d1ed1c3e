package server_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
)

var tileRE = regexp.MustCompile(`<(a|div) class="tile"(?: href="([^"]*)")?>\s*<h2>([^<]*)</h2>`)

// TestHomeTilesOnlyWithPages: with every module switched on (as in the demo), the home page
// offers a tile only for what has pages in this version, and every tile is a link
// that opens. Shop, documents, wallet and field service have no pages yet, so they
// get no tile that would look broken.
func TestHomeTilesOnlyWithPages(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	ten := env.Tenant("Service GmbH") // every module on
	co := env.Company(ten, "Kunde AG")
	env.Contact(ten, "h@kunde.test", "home-tile-password", "main", co)
	c := env.Client("")
	c.Login("h@kunde.test", "home-tile-password")
	body := c.Get("/").Body
	tiles := tileRE.FindAllStringSubmatch(body, -1)
	if len(tiles) == 0 || len(tiles) != strings.Count(body, `class="tile"`) {
		t.Fatalf("tiles not found: %.3000s", body)
	}
	var hrefs []string
	for _, m := range tiles {
		if m[1] != "a" || m[2] == "" {
			t.Errorf("tile %q is no link", m[3])
			continue
		}
		hrefs = append(hrefs, m[2])
		if r := c.Get(m[2]); r.Status != 200 {
			t.Errorf("tile %q leads to %s: %d", m[3], m[2], r.Status)
		}
	}
	for _, want := range []string{"/tickets", "/kb", "/downloads"} {
		if !slices.Contains(hrefs, want) {
			t.Errorf("no tile for %s: %v", want, hrefs)
		}
	}
	for _, title := range []string{"Shop", "Dokumente", "Guthaben", "Service vor Ort"} {
		if strings.Contains(body, "<h2>"+title+"</h2>") {
			t.Errorf("tile for %s, which has no pages", title)
		}
	}
	// Every module is either available or not; the list names known modules only.
	for _, m := range tenant.Available {
		if !slices.Contains(tenant.Modules, m) {
			t.Errorf("available module %q is unknown", m)
		}
	}
	for _, m := range []string{"shop", "documents", "wallet", "fieldservice"} {
		if tenant.ModuleAvailable(m) {
			t.Errorf("%s has no pages but counts as available", m)
		}
	}
}
