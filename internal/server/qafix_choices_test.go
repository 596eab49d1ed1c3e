package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestQAFixKBUnknownCategory: an article's settings with a category that is none of
// the tenant's (garbled, unknown, another tenant's) are refused beside the field, the
// typed text kept, and the article keeps its category.
func TestQAFixKBUnknownCategory(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		other := env.Tenant("Fremd GmbH", "b.test")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")
		cat := kbCategory(t, env, ten, "Netzwerk")
		foreign := kbCategory(t, env, other, "Fremd")
		art := kbArticle(t, env, ten, cat, "wlan", kb.StatusDraft, kb.VisibilityCustomers, "WLAN", "Text")
		for _, bad := range []string{"abc", "0", "-3", "999999", id(foreign)} {
			r := agent.Post("/admin/kb/articles/"+id(art), url.Values{"slug": {"wlan-neu"}, "category_id": {bad},
				"status": {kb.StatusDraft}, "visibility": {kb.VisibilityCustomers}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-category_id"`) || !strings.Contains(r.Body, `value="wlan-neu"`) {
				t.Errorf("category %q: %d, error beside the field or slug kept missing", bad, r.Status)
			}
			got, err := kb.Get(ctx, env.DB, ten.ID, art)
			if err != nil || got.CategoryID != cat || got.Slug != "wlan" {
				t.Errorf("category %q: article changed: %+v %v", bad, got, err)
			}
		}
		// A new article likewise: refused, nothing stored.
		if r := agent.Post("/admin/kb", url.Values{"language": {"de"}, "title": {"Drucker"}, "body": {"Text"}, "slug": {""},
			"category_id": {"abc"}, "status": {kb.StatusDraft}, "visibility": {kb.VisibilityCustomers}}); r.Status != 422 ||
			!strings.Contains(r.Body, `id="e-category_id"`) || !strings.Contains(r.Body, `value="Drucker"`) {
			t.Errorf("new article with category %q: %d", "abc", r.Status)
		}
		if rows, _, _ := kb.List(ctx, env.DB, ten.ID, kb.Filter{}); len(rows) != 1 {
			t.Errorf("%d articles, want 1", len(rows))
		}
		// No category at all is a choice of its own.
		if r := agent.Post("/admin/kb/articles/"+id(art), url.Values{"slug": {"wlan"}, "category_id": {""},
			"status": {kb.StatusDraft}, "visibility": {kb.VisibilityCustomers}}); r.Status != 303 {
			t.Errorf("no category: %d", r.Status)
		}
		if got, _ := kb.Get(ctx, env.DB, ten.ID, art); got.CategoryID != 0 {
			t.Errorf("no category kept %d", got.CategoryID)
		}
	})
}

// TestQAFixColleagueUnknownRole: a role the portal does not offer is refused with a
// message saying so, and the colleague's role stays.
func TestQAFixColleagueUnknownRole(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		env.Contact(ten, "kollege@kunde.test", "user-password", "user", co)
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		mid := func() (int64, string) {
			ms, _ := contact.MembershipsOfCompany(ctx, env.DB, ten.ID, co.ID)
			for _, m := range ms {
				if m.Email == "kollege@kunde.test" {
					return m.ID, m.Role
				}
			}
			t.Fatal("no membership")
			return 0, ""
		}
		m, _ := mid()
		for _, bad := range []string{"admin", "", "MAIN"} {
			r := c.Post("/colleagues/"+id(m)+"/role", url.Values{"role": {bad}})
			if r.Status == 303 {
				r = c.Get(r.Location)
			}
			if !strings.Contains(r.Body, "Diese Rolle gibt es nicht") {
				t.Errorf("role %q: %d, no clear refusal: %s", bad, r.Status, bulkFlash(r.Body))
			}
			if _, role := mid(); role != "user" {
				t.Errorf("role %q: changed to %q", bad, role)
			}
		}
	})
}

// TestQAFixBulkNothingChosen: neither an action nor a ticket: both are named.
func TestQAFixBulkNothingChosen(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.open(t, h.acme, h.anna, "Ein Ticket")
		r := h.staffC.Post("/admin/tickets/bulk", url.Values{"action": {""}})
		for _, want := range []string{`id="e-ids">Bitte kreuzen Sie mindestens ein Ticket an.`,
			`id="e-action">Bitte wählen Sie eine Aktion aus der Liste.`, `aria-describedby="e-ids"`, `aria-describedby="e-action"`} {
			if r.Status != 422 || !strings.Contains(r.Body, want) {
				t.Errorf("nothing chosen: %d, page lacks %s", r.Status, want)
			}
		}
	})
}
