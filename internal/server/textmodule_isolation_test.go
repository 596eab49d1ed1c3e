package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
)

// textModuleAdminForeign gives tenant B a text module and a ticket and returns the
// text-module routes with those ids for TestAdminIsolation (404 for tenant A's staff).
func textModuleAdminForeign(t *testing.T, w *world, tenantB int64) map[string]string {
	t.Helper()
	m, err := textmodule.Save(context.Background(), w.env.DB, textmodule.Module{TenantID: tenantB, Name: "B1 AG module",
		Body: "carol@b1.test", Active: true}, i18n.Languages, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	tk := openTicket(t, w.env, tenantB, w.b1, w.carol, "B1 AG text module ticket")
	mp, tp := "/admin/text-modules/"+id(m.ID), "/admin/tickets/"+id(tk)
	return map[string]string{
		"GET /admin/text-modules/{id}":                  mp,
		"POST /admin/text-modules/{id}":                 mp,
		"POST /admin/text-modules/{id}/active":          mp + "/active",
		"POST /admin/text-modules/{id}/delete":          mp + "/delete",
		"GET /admin/tickets/{id}/text-modules/{module}": tp + "/text-modules/" + id(m.ID),
		"POST /admin/tickets/{id}/text-modules":         tp + "/text-modules",
	}
}

// TestTextModuleIsolation: staff of tenant B neither see, change nor insert tenant A's
// text modules: with B's own ticket and A's module id, or A's ticket and B's module,
// every route answers 404 and nothing of A changes.
func TestTextModuleIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env := h.env
		if r := h.staffC.Post("/admin/text-modules", moduleForm("Acme secret module", "acme", "", "ACME-TEXT {{first_name}}", true)); r.Status != 303 {
			t.Fatalf("create: %d", r.Status)
		}
		modA := moduleID(t, h, "Acme secret module")
		ticketA := h.open(t, h.acme, h.anna, "Acme ticket")

		tb := env.Tenant("Other Service", "other.test")
		env.Staff(tb, staff.RoleAgent, "agent@other.test", "other-password-1")
		coB := env.Company(tb, "Other Customer")
		carl := env.Contact(tb, "carl@other.test", "carl-password-1", "main", coB)
		ticketB := openTicket(t, env, tb.ID, coB.ID, carl.ID, "Own ticket of B")
		modB, err := textmodule.Save(context.Background(), env.DB, textmodule.Module{TenantID: tb.ID, Name: "B module", Body: "B",
			Active: true}, i18n.Languages, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		b := env.Client("other.test")
		b.AdminLogin("agent@other.test", "other-password-1")

		ownB, ownA := "/admin/tickets/"+id(ticketB), "/admin/tickets/"+id(ticketA)
		for _, path := range []string{"/admin/text-modules/" + id(modA), ownB + "/text-modules/" + id(modA),
			ownA + "/text-modules/" + id(modB.ID)} {
			if r := b.Get(path); r.Status != 404 || strings.Contains(r.Body, "ACME") || strings.Contains(r.Body, "Acme") {
				t.Errorf("GET %s as tenant B: %d", path, r.Status)
			}
		}
		for path, form := range map[string]url.Values{
			"/admin/text-modules/" + id(modA):             moduleForm("B was here", "", "", "B", true),
			"/admin/text-modules/" + id(modA) + "/active": {"active": {"0"}},
			"/admin/text-modules/" + id(modA) + "/delete": nil,
		} {
			if r := b.Post(path, form); r.Status != 404 {
				t.Errorf("POST %s as tenant B: %d", path, r.Status)
			}
		}
		// A foreign ticket is the 404 page; on B's own ticket, A's module answers like a
		// deleted one (the form comes back with what was typed), never with A's text.
		for path, want := range map[string]int{ownB + "/text-modules": 422, ownA + "/text-modules": 404} {
			module := modA
			if want == 404 {
				module = modB.ID
			}
			r := b.PostMultipart(path, map[string]string{"kind": "reply", "body": "typed", "module": id(module)})
			if r.Status != want || strings.Contains(r.Body, "ACME") || strings.Contains(r.Body, "Acme") {
				t.Errorf("no-script insert %s with module %d as tenant B: %d, want %d", path, module, r.Status, want)
			}
		}
		// B's own pages offer only B's modules.
		if r := b.Get("/admin/text-modules"); r.Status != 200 || strings.Contains(r.Body, "Acme") || !strings.Contains(r.Body, "B module") {
			t.Errorf("tenant B's list: %d", r.Status)
		}
		if r := b.Get(ownB); r.Status != 200 || strings.Contains(r.Body, "Acme secret module") || !strings.Contains(r.Body, "B module") {
			t.Errorf("tenant B's ticket page offers: %d", r.Status)
		}
		if m, err := textmodule.Get(context.Background(), env.DB, h.ten.ID, modA); err != nil || m.Name != "Acme secret module" || !m.Active {
			t.Errorf("tenant A's module changed: %+v %v", m, err)
		}
	})
}
