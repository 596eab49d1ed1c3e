package server_test

import (
	"encoding/json"
	"net/url"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanyArchiveExport: a contact of several companies downloads their data while
// one of them is archived: its tickets stay out of the file (the portal shows none of
// it, and staff may still write on them), and the company is listed as archived.
// Restored, the tickets are in the file again.
func TestCompanyArchiveExport(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		multi := w.as("multi@gamma.test", "multi-password")
		if r := multi.Post("/company", url.Values{"company_id": {id(w.a.ID)}}); r.Status != 303 {
			t.Fatalf("switch to Alpha: %d", r.Status)
		}
		w.open(t, multi, "Drucker im Lager")
		if r := multi.Post("/company", url.Values{"company_id": {id(w.b.ID)}}); r.Status != 303 {
			t.Fatalf("switch to Beta: %d", r.Status)
		}
		companies := func() (map[string]string, int) {
			out, r := exportOf(t, multi)
			var file struct {
				Companies []struct {
					Name   string `json:"name"`
					Access string `json:"access"`
				} `json:"companies"`
			}
			if err := json.Unmarshal([]byte(r.Body), &file); err != nil {
				t.Fatal(err)
			}
			states := map[string]string{}
			for _, c := range file.Companies {
				states[c.Name] = c.Access
			}
			alpha := 0
			for _, tk := range out.Tickets {
				if tk.Company == "Alpha GmbH" {
					alpha++
				}
			}
			return states, alpha
		}
		if states, n := companies(); n != 1 || states["Alpha GmbH"] != "active" {
			t.Fatalf("before archiving: %d Alpha tickets, Alpha %q; want 1, active", n, states["Alpha GmbH"])
		}
		follow(t, w.staff, w.path+"/archive", nil)
		if states, n := companies(); n != 0 || states["Alpha GmbH"] != "archived" || states["Beta AG"] != "active" {
			t.Fatalf("archived: %d Alpha tickets, states %v; want none, Alpha archived, Beta active", n, states)
		}
		follow(t, w.staff, w.path+"/restore", nil)
		if _, n := companies(); n != 1 {
			t.Fatalf("restored: %d Alpha tickets, want 1", n)
		}
	})
}
