package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestHelpdeskNames: staff give a category and a self-named status names per portal
// language in Settings → Helpdesk (audited); an English contact then reads the
// English names in the ticket form, the list, the ticket page, the status mail and
// the data export, a German one the German names, and a language without one the main
// name. A renamed translation reaches the kept ticket list at once. A too long name
// comes back with a message and the typed input; another tenant's category is a 404.
func TestHelpdeskNames(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env, ctx := h.env, context.Background()
		post := func(path string, form url.Values, want int) string {
			t.Helper()
			r := h.staffC.Post(path, form)
			if r.Status != want {
				t.Fatalf("POST %s: %d, want %d %.400s", path, r.Status, want, r.Body)
			}
			return r.Body
		}
		post("/admin/settings/helpdesk/categories", url.Values{"name": {"Netzwerk"}, "position": {"1"},
			"name_en": {"Network"}, "name_fr": {"Réseau"}}, 303)
		post("/admin/settings/helpdesk/categories", url.Values{"name": {"Rechnung"}, "position": {"2"}}, 303)
		post("/admin/settings/helpdesk/statuses", url.Values{"name": {"Beim Techniker"}, "kind": {ticket.KindOpen},
			"position": {"9"}, "portal_visible": {"1"}, "active": {"1"}, "name_en": {"With the technician"}}, 303)
		cats, err := ticket.Categories(ctx, env.DB, h.ten.ID, false)
		if err != nil || len(cats) != 2 {
			t.Fatalf("categories: %v %v", cats, err)
		}
		netz := cats[0].ID
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND target LIKE '%en Network, fr Réseau%'`, h.ten.ID); n != 1 {
			t.Errorf("audit entries with the translations: %d", n)
		}
		statuses, _ := ticket.Statuses(ctx, env.DB, h.ten.ID)
		var custom int64
		for _, s := range statuses {
			if s.Name == "Beim Techniker" {
				custom = s.ID
			}
		}

		// The settings page shows the stored translations in the row's fields.
		if body := h.staffC.Get("/admin/settings/helpdesk").Body; !strings.Contains(body, `value="Network"`) {
			t.Errorf("settings page lacks the English name")
		}

		anna, bernd := h.portal("anna@acme.test", "anna-password-1"), h.portal("bernd@acme.test", "bernd-password-1")
		form := anna.Get("/tickets/new").Body
		if !strings.Contains(form, ">Network</option>") || strings.Contains(form, "Netzwerk") || !strings.Contains(form, ">Rechnung</option>") {
			t.Errorf("English form's categories: want Network and the fallback Rechnung\n%s", form)
		}
		if form := bernd.Get("/tickets/new").Body; !strings.Contains(form, ">Netzwerk</option>") || strings.Contains(form, "Network") {
			t.Errorf("German form's categories: want Netzwerk")
		}

		withCat := func(n *ticket.New) { n.CategoryID = netz }
		ta, tb := h.open(t, h.acme, h.anna, "Printer of Anna", withCat), h.open(t, h.acme, h.bernd, "Drucker von Bernd", withCat)
		for _, id := range []int64{ta, tb} {
			post("/admin/tickets/"+itoa64(id)+"/status", url.Values{"status": {itoa64(custom)}}, 303)
		}
		page := anna.Get("/tickets/" + itoa64(ta)).Body
		for _, want := range []string{"Network", "With the technician"} {
			if !strings.Contains(page, want) {
				t.Errorf("English ticket page lacks %q", want)
			}
		}
		if strings.Contains(page, "Netzwerk") || strings.Contains(page, "Beim Techniker") {
			t.Errorf("English ticket page shows a German name")
		}
		page = bernd.Get("/tickets/" + itoa64(tb)).Body
		if !strings.Contains(page, "Netzwerk") || !strings.Contains(page, "Beim Techniker") || strings.Contains(page, "Network") {
			t.Errorf("German ticket page: want the German names")
		}
		if list := anna.Get("/tickets").Body; !strings.Contains(list, "With the technician") || strings.Contains(list, "Beim Techniker") {
			t.Errorf("English list: want the English status name")
		}
		if list := bernd.Get("/tickets").Body; !strings.Contains(list, "Beim Techniker") {
			t.Errorf("German list: want the German status name")
		}
		mail := func(to string) string {
			var body string
			env.DB.QueryRow(ctx, `SELECT text_body FROM mails WHERE to_addr = ? AND subject LIKE ? ORDER BY id DESC LIMIT 1`,
				to, "%"+itoa64(map[string]int64{"anna@acme.test": ta, "bernd@acme.test": tb}[to])+"%").Scan(&body)
			return body
		}
		if m := mail("anna@acme.test"); !strings.Contains(m, "With the technician") {
			t.Errorf("English status mail lacks the English name:\n%s", m)
		}
		if m := mail("bernd@acme.test"); !strings.Contains(m, "Beim Techniker") {
			t.Errorf("German status mail lacks the German name:\n%s", m)
		}
		if _, r := exportOf(t, anna); !strings.Contains(r.Body, "Network") || !strings.Contains(r.Body, "With the technician") ||
			strings.Contains(r.Body, "Netzwerk") {
			t.Errorf("English export: want the English names\n%.2000s", r.Body)
		}

		// A changed translation reaches the kept list; an emptied one falls back.
		post("/admin/settings/helpdesk/statuses/"+itoa64(custom), url.Values{"name": {"Beim Techniker"}, "kind": {ticket.KindOpen}, "position": {"9"},
			"portal_visible": {"1"}, "active": {"1"}, "name_en": {"With our technician"}}, 303)
		if list := anna.Get("/tickets").Body; !strings.Contains(list, "With our technician") {
			t.Errorf("kept English list did not follow the renamed translation")
		}
		// The translations' own triggers invalidate too, without the status row changing.
		if err := env.DB.InTx(ctx, func(tx *db.Tx) error {
			return ticket.SaveNames(ctx, tx, h.ten.ID, ticket.NameStatus, custom, map[string]string{"en": "Technician on it"})
		}); err != nil {
			t.Fatal(err)
		}
		if list := anna.Get("/tickets").Body; !strings.Contains(list, "Technician on it") {
			t.Errorf("kept English list did not follow the translation alone")
		}
		post("/admin/settings/helpdesk/categories/"+itoa64(netz), url.Values{"name": {"Netzwerk"}, "position": {"1"}, "active": {"1"}}, 303)
		if page := anna.Get("/tickets/" + itoa64(ta)).Body; !strings.Contains(page, "Netzwerk") {
			t.Errorf("without a translation the English page should show the main name")
		}

		// Too long: a message next to the field, the input kept, nothing stored.
		long := strings.Repeat("x", 61)
		body := post("/admin/settings/helpdesk/categories", url.Values{"name": {"Hardware"}, "position": {"3"}, "name_en": {long}}, 422)
		if !strings.Contains(body, long) || !strings.Contains(body, `id="cat-new-name-en-e"`) {
			t.Errorf("too long name: input or message missing\n%.3000s", body)
		}
		msg := false
		for _, l := range i18n.Languages {
			msg = msg || strings.Contains(body, i18n.For(l).T("error.too_long", map[string]any{"Max": 60}))
		}
		if !msg {
			t.Errorf("too long name: no message")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM ticket_categories WHERE name = 'Hardware'`); n != 0 {
			t.Errorf("invalid category stored")
		}

		// Another tenant's category: 404, no name stored for it.
		other := env.Tenant("Other", "other.test")
		var foreign int64
		if err := env.DB.InTx(ctx, func(tx *db.Tx) error {
			foreign, err = ticket.SaveCategory(ctx, tx, other.ID, ticket.Category{Name: "Fremd", Active: true})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		post("/admin/settings/helpdesk/categories/"+itoa64(foreign), url.Values{"name": {"Fremd"}, "position": {"1"},
			"name_en": {"Foreign"}}, 404)
		if n := count(t, env, `SELECT COUNT(*) FROM ticket_name_translations WHERE ref_id = ? AND kind = 'category'`, foreign); n != 0 {
			t.Errorf("foreign category got %d names", n)
		}
	})
}
