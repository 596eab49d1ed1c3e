package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// ticketAdminForeign gives tenant B a ticket (with a file), a category and its
// statuses, and returns the back office's helpdesk routes with those ids for
// TestAdminIsolation, which expects 404 for each of them as tenant A's staff.
func ticketAdminForeign(t *testing.T, w *world, tenantB int64) map[string]string {
	t.Helper()
	tk := openTicket(t, w.env, tenantB, w.b1, w.carol, "B1 AG ticket", withFile(w.env, "b.txt", "carol@b1.test data"))
	d := staffTicket(t, w.env, tenantB, tk)
	var cat int64
	err := w.env.DB.InTx(context.Background(), func(tx *db.Tx) error {
		var err error
		cat, err = ticket.SaveCategory(context.Background(), tx, tenantB, ticket.Category{Name: "B1 AG category", Active: true})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	p := "/admin/tickets/" + id(tk)
	return map[string]string{
		"GET /admin/tickets/{id}":                             p,
		"GET /admin/tickets/{id}/files/{file}":                p + "/files/" + id(d.Messages[0].Files[0].ID),
		"POST /admin/tickets/{id}/reply":                      p + "/reply",
		"POST /admin/tickets/{id}/status":                     p + "/status",
		"POST /admin/tickets/{id}/assign":                     p + "/assign",
		"POST /admin/tickets/{id}/billed":                     p + "/billed",
		"POST /admin/tickets/{id}/details":                    p + "/details",
		"POST /admin/tickets/{id}/accept":                     p + "/accept",
		"POST /admin/tickets/{id}/decline":                    p + "/decline",
		"POST /admin/tickets/{id}/merge":                      p + "/merge",
		"POST /admin/tickets/{id}/subject":                    p + "/subject",
		"GET /admin/tickets/{id}/move":                        p + "/move",
		"POST /admin/tickets/{id}/move":                       p + "/move",
		"POST /admin/tickets/{id}/followers":                  p + "/followers",
		"POST /admin/tickets/{id}/followers/{contact}/remove": p + "/followers/" + id(w.carol) + "/remove",
		"GET /admin/tickets/new":                              "/admin/tickets/new?company=" + id(w.b1),
		"POST /admin/tickets":                                 "/admin/tickets", // the form's company_id is B1
		"POST /admin/settings/helpdesk/statuses/{id}":         "/admin/settings/helpdesk/statuses/" + id(d.Status.ID),
		"POST /admin/settings/helpdesk/categories/{id}":       "/admin/settings/helpdesk/categories/" + id(cat),
	}
}

// TestTicketsAdminIsolation: staff of tenant B never see or change tenant A's tickets,
// files, statuses or categories, whatever ids they put into paths, forms and filters.
func TestTicketsAdminIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env := h.env
		tb := env.Tenant("Other Service", "other.test")
		env.Staff(tb, staff.RoleAdmin, "admin@other.test", "other-password-1")
		coB := env.Company(tb, "Other Customer")
		carl := env.Contact(tb, "carl@other.test", "carl-password-1", "main", coB)
		own := openTicket(t, env, tb.ID, coB.ID, carl.ID, "Own ticket of B")

		secret := h.open(t, h.acme, h.anna, "Acme secret ticket", withFile(env, "acme.txt", "ACME-DATA"))
		d := staffTicket(t, env, h.ten.ID, secret)
		var catA int64
		h.change(t, secret, func(ctx context.Context, tx *db.Tx, _ ticket.Ticket, _ ticket.Actor) error {
			var err error
			catA, err = ticket.SaveCategory(ctx, tx, h.ten.ID, ticket.Category{Name: "Acme category", Active: true})
			return err
		})
		resolvedA := statusID(t, env, h.ten.ID, ticket.CodeResolved)
		b := env.Client("other.test")
		b.AdminLogin("admin@other.test", "other-password-1")
		p := "/admin/tickets/" + id(secret)
		for _, path := range []string{p, p + "/files/" + id(d.Messages[0].Files[0].ID), "/admin/tickets/new?company=" + id(h.acme.ID)} {
			if r := b.Get(path); r.Status != 404 || strings.Contains(r.Body, "Acme") || strings.Contains(r.Body, "ACME-DATA") {
				t.Errorf("GET %s as tenant B: %d", path, r.Status)
			}
		}
		posts := map[string]url.Values{
			p + "/status":    {"status": {id(resolvedA)}},
			p + "/assign":    {"assignee": {id(h.admin.ID)}},
			p + "/billed":    {"billed": {"1"}},
			p + "/details":   {"priority": {"4"}},
			p + "/accept":    nil,
			p + "/decline":   {"reason": {"no"}},
			p + "/merge":     {"target": {id(own)}, "confirm": {"1"}},
			p + "/subject":   {"title": {"B was here"}},
			p + "/move":      {"contact": {id(h.bernd.ID)}},
			p + "/followers": {"follower": {id(h.bernd.ID)}},
			p + "/followers/" + id(h.bernd.ID) + "/remove": nil,
			"/admin/tickets": {"company_id": {id(h.acme.ID)}, "contact_id": {id(h.anna.ID)}, "title": {"x"}, "body": {"x"},
				"priority": {"2"}},
			"/admin/settings/helpdesk/statuses/" + id(resolvedA): {"name": {"B was here"}, "position": {"1"}},
			"/admin/settings/helpdesk/categories/" + id(catA):    {"name": {"B was here"}, "position": {"1"}},
		}
		for path, form := range posts {
			if r := b.Post(path, form); r.Status != 404 {
				t.Errorf("POST %s as tenant B: %d", path, r.Status)
			}
		}
		if r := b.PostMultipart(p+"/reply", map[string]string{"kind": "reply", "body": "B writes"},
			apptest.File{Field: "files", Name: "b.txt", Data: []byte("B")}); r.Status != 404 {
			t.Errorf("reply as tenant B: %d", r.Status)
		}
		// Own ticket, foreign status, category and staff ids in the forms: 404, no change;
		// a foreign status is answered like any status not offered (422 at the field),
		// which tells nothing of tenant A either.
		pb := "/admin/tickets/" + id(own)
		for path, form := range map[string]url.Values{
			pb + "/status":  {"status": {id(resolvedA)}},
			pb + "/assign":  {"assignee": {id(h.admin.ID)}},
			pb + "/details": {"priority": {"2"}, "category": {id(catA)}},
		} {
			want := 404
			if strings.HasSuffix(path, "/status") {
				want = 422
			}
			if r := b.Post(path, form); r.Status != want {
				t.Errorf("POST %s with tenant A ids: %d, want %d", path, r.Status, want)
			}
		}
		// Tenant A's company or contact in B's own ticket's move and follower forms: 404.
		for path, form := range map[string]url.Values{
			pb + "/move":      {"company_id": {id(h.acme.ID)}, "contact": {id(carl.ID)}},
			pb + "/move ":     {"contact": {id(h.anna.ID)}},
			pb + "/followers": {"follower": {id(h.anna.ID)}},
		} {
			if r := b.Post(strings.TrimSpace(path), form); r.Status != 404 || strings.Contains(r.Body, "Acme") {
				t.Errorf("POST %s with tenant A ids: %d, want 404", path, r.Status)
			}
		}
		if r := b.Get(pb + "/move?company=" + id(h.acme.ID)); r.Status != 404 {
			t.Errorf("move page with tenant A's company: %d", r.Status)
		}
		if r := b.Post(pb+"/status", url.Values{"status": {"999999"}}); r.Status != 422 {
			t.Errorf("POST %s/status with an id nobody has: %d, want 422 like tenant A's", pb, r.Status)
		}
		// Merging B's own ticket into A's: the same "no such ticket" as a number nobody has.
		for _, n := range []string{id(secret), "999999"} {
			r := b.Post(pb+"/merge", url.Values{"target": {n}, "confirm": {"1"}})
			if r.Status != 422 || !strings.Contains(r.Body, mergeWant("ticket_merge.error.not_found")) || strings.Contains(r.Body, "Acme") {
				t.Errorf("merge into %s as tenant B: %d", n, r.Status)
			}
		}
		// The queue never lists tenant A's tickets, whatever the filter names.
		for _, q := range []string{"?state=all", "?q=%23" + id(secret), "?q=secret", "?company=" + id(h.acme.ID) + "&state=all",
			"?state=" + id(resolvedA), "?assignee=" + id(h.admin.ID), "?cq=Acme&state=all"} {
			r := b.Get("/admin/tickets" + q)
			if r.Status != 200 || listed(r.Body, secret) || strings.Contains(r.Body, "Acme AG") || strings.Contains(r.Body, "Acme secret") {
				t.Errorf("queue %s as tenant B: %d, lists tenant A", q, r.Status)
			}
		}
		if r := b.Get("/admin/tickets?state=all"); !listed(r.Body, own) {
			t.Errorf("tenant B's own ticket missing from its queue")
		}
		// Nothing of tenant A changed.
		after := staffTicket(t, env, h.ten.ID, secret)
		if len(after.Messages) != 1 || after.Billed || after.AssigneeID != 0 || after.Status.Code != ticket.CodeNew ||
			after.RequestState != ticket.RequestPending || after.Priority != ticket.PriorityNormal || len(mailsFor(t, env, secret)) != 0 {
			t.Errorf("tenant A's ticket changed: %+v", after.Ticket)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM ticket_statuses WHERE name = 'B was here'`) +
			count(t, env, `SELECT COUNT(*) FROM ticket_categories WHERE name = 'B was here'`) +
			count(t, env, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, h.ten.ID); n != 1 {
			t.Errorf("tenant A's settings or tickets changed (%d)", n)
		}
	})
}
