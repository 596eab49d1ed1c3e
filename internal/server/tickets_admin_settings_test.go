package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsAdminSettings: the helpdesk settings refuse bad input with 422, the
// message and what was typed; good input saves rules, statuses and categories; a
// built-in status keeps its kind; agents do not get the page.
func TestTicketsAdminSettings(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		const base = "/admin/settings/helpdesk"
		r := h.staffC.Get(base)
		if r.Status != 200 || !strings.Contains(r.Body, `placeholder="Gelöst"`) || !strings.Contains(r.Body, "Helpdesk") {
			t.Fatalf("settings page: %d", r.Status)
		}
		if !strings.Contains(h.staffC.Get("/admin/settings").Body, `href="`+base+`"`) {
			t.Errorf("no link from the settings page")
		}
		closed := statusID(t, h.env, h.ten.ID, ticket.CodeClosed)
		cat := h.staffC.Post(base+"/categories", url.Values{"name": {"Hardware"}, "position": {"1"}})
		if cat.Status != 303 {
			t.Fatalf("add category: %d %.300s", cat.Status, cat.Body)
		}
		cats, _ := ticket.Categories(ctx, h.env.DB, h.ten.ID, false)
		if len(cats) != 1 || cats[0].Name != "Hardware" || !cats[0].Active {
			t.Fatalf("categories: %+v", cats)
		}
		hw := itoa64(cats[0].ID)
		cases := []struct {
			name, path string
			form       url.Values
			want, kept string
		}{
			{"mb empty", base, url.Values{"upload_mb": {""}}, "1 bis 100", ""},
			{"mb zero", base, url.Values{"upload_mb": {"0"}}, "1 bis 100", `value="0"`},
			{"mb over", base, url.Values{"upload_mb": {"101"}, "reopen": {"1"}}, "1 bis 100", `value="101"`},
			{"mb text", base, url.Values{"upload_mb": {"viel"}}, "1 bis 100", `value="viel"`},
			{"mb fraction", base, url.Values{"upload_mb": {"2.5"}}, "1 bis 100", `value="2.5"`},
			{"status no name", base + "/statuses", url.Values{"name": {""}, "kind": {"open"}}, "Bitte", ""},
			{"status long", base + "/statuses", url.Values{"name": {strings.Repeat("n", 61)}, "kind": {"open"}}, "60", strings.Repeat("n", 61)},
			{"status kind", base + "/statuses", url.Values{"name": {"Ersatzteil bestellt"}, "kind": {"later"}}, "Art aus der Liste", "Ersatzteil bestellt"},
			{"status position", base + "/statuses", url.Values{"name": {"Ersatzteil bestellt"}, "kind": {"waiting"}, "position": {"-1"}}, "0 bis 9999", `value="-1"`},
			{"status position big", base + "/statuses/" + itoa64(closed), url.Values{"name": {"Zu"}, "position": {"10000"}}, "0 bis 9999", `value="Zu"`},
			{"status taken", base + "/statuses", url.Values{"name": {"Wartet"}, "kind": {"open"}, "position": {"2"}}, "bereits diesen Namen", ""},
			{"category empty", base + "/categories", url.Values{"name": {" "}}, "Bitte", ""},
			{"category taken", base + "/categories", url.Values{"name": {"hardware"}}, "bereits diesen Namen", `value="hardware"`},
			{"category position", base + "/categories/" + hw, url.Values{"name": {"Drucker"}, "position": {"x"}}, "0 bis 9999", `value="Drucker"`},
		}
		// A status named "Wartet" exists before the "taken" case.
		if r := h.staffC.Post(base+"/statuses/"+itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeWaiting)),
			url.Values{"name": {"Wartet"}, "position": {"4"}, "portal_visible": {"1"}, "active": {"1"}}); r.Status != 303 {
			t.Fatalf("rename waiting: %d %.300s", r.Status, r.Body)
		}
		for _, c := range cases {
			r := h.staffC.Post(c.path, c.form)
			if r.Status != 422 || !strings.Contains(r.Body, c.want) || !strings.Contains(r.Body, c.kept) {
				t.Errorf("%s: %d, want 422 with %q and %q", c.name, r.Status, c.want, c.kept)
			}
		}
		if rules, _ := tenant.GetTicketRules(ctx, h.env.DB, h.ten.ID); !rules.Reopen || rules.UploadLimitMB != 20 {
			t.Errorf("rules changed by bad input: %+v", rules)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_statuses WHERE tenant_id = ?`, h.ten.ID); n != 7 {
			t.Errorf("%d statuses after bad input", n)
		}

		// Good input.
		if r := h.staffC.Post(base, url.Values{"upload_mb": {"5"}}); r.Status != 303 {
			t.Errorf("rules: %d", r.Status)
		}
		if rules, _ := tenant.GetTicketRules(ctx, h.env.DB, h.ten.ID); rules.Reopen || rules.UploadLimitMB != 5 {
			t.Errorf("rules: %+v", rules)
		}
		if r := h.staffC.Post(base+"/statuses", url.Values{"name": {"Ersatzteil bestellt"}, "kind": {"waiting"}, "position": {"5"},
			"active": {"1"}}); r.Status != 303 {
			t.Errorf("add status: %d %.300s", r.Status, r.Body)
		}
		// A built-in status: renamed, hidden from the portal; its kind stays.
		if r := h.staffC.Post(base+"/statuses/"+itoa64(closed), url.Values{"name": {"Erledigt"}, "kind": {"open"}, "position": {"6"},
			"active": {"1"}}); r.Status != 303 {
			t.Errorf("edit status: %d %.300s", r.Status, r.Body)
		}
		list, _ := ticket.Statuses(ctx, h.env.DB, h.ten.ID)
		var added, edited ticket.Status
		for _, s := range list {
			switch s.Name {
			case "Ersatzteil bestellt":
				added = s
			case "Erledigt":
				edited = s
			}
		}
		if added.Kind != ticket.KindWaiting || added.Code != "" || added.PortalVisible || !added.Active || added.Position != 5 {
			t.Errorf("added status: %+v", added)
		}
		if edited.ID != closed || edited.Kind != ticket.KindClosed || edited.PortalVisible {
			t.Errorf("edited status: %+v", edited)
		}
		// Back to the translation: an empty name.
		h.staffC.Post(base+"/statuses/"+itoa64(closed), url.Values{"name": {""}, "position": {"6"}, "active": {"1"}, "portal_visible": {"1"}})
		if s, _ := ticket.StatusByID(ctx, h.env.DB, h.ten.ID, closed); s.Name != "" || !s.PortalVisible {
			t.Errorf("built-in status not reset: %+v", s)
		}
		// Rename, move and retire a category.
		if r := h.staffC.Post(base+"/categories/"+hw, url.Values{"name": {"Drucker"}, "position": {"3"}}); r.Status != 303 {
			t.Errorf("edit category: %d", r.Status)
		}
		if cats, _ := ticket.Categories(ctx, h.env.DB, h.ten.ID, false); cats[0].Name != "Drucker" || cats[0].Position != 3 || cats[0].Active {
			t.Errorf("category: %+v", cats[0])
		}
		if r := h.staffC.Post(base+"/categories/999999", url.Values{"name": {"X"}}); r.Status != 404 {
			t.Errorf("unknown category: %d", r.Status)
		}
		if r := h.staffC.Post(base+"/statuses/abc", url.Values{"name": {"X"}}); r.Status != 404 {
			t.Errorf("bad status id: %d", r.Status)
		}

		// Agents neither see nor change the settings.
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		for _, try := range []func() int{
			func() int { return agent.Get(base).Status },
			func() int { return agent.Post(base, url.Values{"upload_mb": {"9"}}).Status },
			func() int {
				return agent.Post(base+"/statuses", url.Values{"name": {"Agent"}, "kind": {"open"}}).Status
			},
			func() int { return agent.Post(base+"/categories", url.Values{"name": {"Agent"}}).Status },
			func() int { return agent.Post(base+"/categories/"+hw, url.Values{"name": {"Agent"}}).Status },
		} {
			if s := try(); s != 404 {
				t.Errorf("agent: %d, want 404", s)
			}
		}
		if rules, _ := tenant.GetTicketRules(ctx, h.env.DB, h.ten.ID); rules.UploadLimitMB != 5 {
			t.Errorf("agent changed the rules")
		}
	})
}
