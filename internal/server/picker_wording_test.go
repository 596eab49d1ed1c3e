package server_test

import (
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestPickerWording: the new article's form says the companies are ticked below (the
// checklist is right there), while the article's page keeps "further down"; the
// downloads speak of "chosen companies" as the knowledge base does, and the
// downloads' search says what it looks through.
func TestPickerWording(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		page := adm.Get("/admin/kb/new").Body
		if !strings.Contains(page, "haken Sie die Firmen unten an") || strings.Contains(page, "weiter unten auf der Seite des Artikels") {
			t.Errorf("new article's hint: %q", page[max(0, strings.Index(page, "Entwürfe")):][:min(200, len(page)-max(0, strings.Index(page, "Entwürfe")))])
		}
		file := adm.Get("/admin/downloads/files/new").Body
		if !strings.Contains(file, "Ausgewählte Firmen") || strings.Contains(file, "ausgewählte Kunden") ||
			!strings.Contains(file, "Firmen suchen") {
			t.Error("download form still speaks of chosen customers")
		}
		if list := adm.Get("/admin/downloads").Body; !strings.Contains(list, `placeholder="Titel, Beschreibungen, Dateinamen und Ordner durchsuchen"`) {
			t.Error("downloads search placeholder")
		}
	})
}
