package e2e

import (
	"os"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
)

// TestFirstStepsJourney: a fresh portal's admin follows the first step to create a
// company, comes back to the dashboard to find it ticked off (a check and the word,
// not colour alone), and hides the rest with the button, under the page's CSP.
// PFORTE_SHOTS names a folder for screenshots.
func TestFirstStepsJourney(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	browser := startBrowser(t)
	ten := env.Tenant("Demo Service GmbH")
	env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")

	s := newSession(t, browser, env.Srv.URL, "admin")
	staffLogin(s, "admin@service.test", "admin-password-1")
	s.open("/admin/", "#first-steps-h")
	if n := s.eval(`String(document.querySelectorAll('.first-step.done').length)`); n != "0" {
		s.fatalf("fresh portal: %s steps done", n)
	}
	if dir := os.Getenv("PFORTE_SHOTS"); dir != "" {
		s.screenshot(dir, "first-steps-fresh")
	}
	s.clickTo(`#first-step-company a`, "#f-name")
	s.fill("name", "Kunde AG")
	s.clickTo(`form[action="/admin/companies"] button[type=submit]`, ".flash.success")
	s.open("/admin/", "#first-steps-h")
	if got := s.text("#first-step-company"); !strings.Contains(got, "✓") || !strings.Contains(got, "erledigt") {
		s.fatalf("the company step after creating one: %q", got)
	}
	if dir := os.Getenv("PFORTE_SHOTS"); dir != "" {
		s.screenshot(dir, "first-steps-company")
		s.setViewport(phone)
		s.screenshot(dir, "first-steps-phone")
	}
	s.clickTo(`form[action="/admin/first-steps/hide"] button`, ".flash.success")
	if n := s.eval(`String(document.querySelectorAll('#first-steps-h').length)`); n != "0" {
		s.fatalf("the first steps stay after hiding them")
	}
}
