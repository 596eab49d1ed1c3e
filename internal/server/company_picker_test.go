package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// pickerField cuts the companies picker out of a page, its search route made neutral:
// what is left must read the same wherever the picker stands.
func pickerField(t *testing.T, page, route string) string {
	t.Helper()
	i := strings.Index(page, `<fieldset class="field company-picker"`)
	j := strings.Index(page, `<div id="company-picker"`)
	if i < 0 || j < i {
		t.Fatalf("no companies picker")
	}
	return strings.Replace(page[i:j], `hx-get="`+route+`"`, `hx-get="…"`, 1)
}

// pickerHint is the picker's hint, which says what the ticked companies get.
var pickerHint = regexp.MustCompile(`<p class="hint" id="companies-hint">[^<]*</p>`)

// TestCompanyPickerShared: the downloads' and the knowledge base's pickers of "chosen
// companies" are one component — on the upload form, a file's page, the new article
// form and an article's page the same labelled group, search and list, with its one
// script — and an article's page saves the companies ticked in its settings form like
// the new form does: ticked ones added, unticked ones removed, none kept for another
// visibility; publishing to chosen companies with none ticked, or newly ticking an
// archived one, is refused beside the field with what was typed kept, and another
// tenant's company is a 404.
func TestCompanyPickerShared(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		ctx := context.Background()
		var tenantID int64
		w.env.DB.QueryRow(ctx, `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&tenantID)
		staff := w.env.Client("a.test")
		staff.AdminLogin("admin@a.test", "admin-a-password")
		file := seedDownload(t, w.env, tenantID, "Preisliste", 0, nil, []byte("Preise")).ID
		art := kbCreate(t, staff, "Wartung", "Text", kb.StatusDraft, kb.VisibilityCustomers)
		var want string
		for _, pg := range []struct{ path, route string }{
			{"/admin/downloads/files/new", "/admin/downloads/companies"}, {"/admin/downloads/files/" + id(file), "/admin/downloads/companies"},
			{"/admin/kb/new", "/admin/kb/companies"}, {art, "/admin/kb/companies"},
		} {
			page := staff.Get(pg.path).Body
			got := pickerHint.ReplaceAllString(pickerField(t, page, pg.route), "")
			for _, s := range []string{`id="companies" aria-describedby="companies-hint"`, `<legend>Ausgewählte Firmen</legend>`,
				`<label for="company-q">Firmen suchen</label>`, `aria-controls="company-picker"`, `data-no-submit`} {
				if !strings.Contains(got, s) {
					t.Errorf("%s: picker without %s", pg.path, s)
				}
			}
			if want == "" {
				want = got
			} else if got != want {
				t.Errorf("%s: another picker:\n%s\nthan\n%s", pg.path, got, want)
			}
			if strings.Count(page, "js/company-picker.js") != 1 || strings.Contains(page, "/remove\"") && strings.Contains(page, "/companies/") {
				t.Errorf("%s: script or old add/remove forms", pg.path)
			}
		}

		// An article's page: its settings form saves the ticked companies.
		meta := func(vis string, ids ...int64) url.Values {
			f := url.Values{"slug": {"wartung"}, "status": {kb.StatusPublished}, "visibility": {vis}}
			for _, i := range ids {
				f.Add("company_id", id(i))
			}
			return f
		}
		chosen := func() string {
			var out []string
			rows, err := w.env.DB.Query(ctx, `SELECT company_id FROM kb_article_companies ORDER BY company_id`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var c int64
				rows.Scan(&c)
				out = append(out, id(c))
			}
			return strings.Join(out, ",")
		}
		r := staff.Post(art, meta(kb.VisibilityCompanies))
		if r.Status != 422 || !strings.Contains(r.Body, `value="wartung"`) {
			t.Errorf("published to nobody: %d", r.Status)
		}
		if r := staff.Post(art, meta(kb.VisibilityCompanies, w.a1, w.b1)); r.Status != 404 || chosen() != "" {
			t.Errorf("another tenant's company: %d, chosen %s", r.Status, chosen())
		}
		if r := staff.Post(art, meta(kb.VisibilityCompanies, w.a1, w.a2)); r.Status != 303 || chosen() != id(w.a1)+","+id(w.a2) {
			t.Fatalf("two ticked: %d, chosen %s", r.Status, chosen())
		}
		page := staff.Get(art).Body
		for _, c := range []int64{w.a1, w.a2} {
			if !strings.Contains(page, `value="`+id(c)+`" checked`) {
				t.Errorf("stored company %d not ticked on the page", c)
			}
		}
		if r := staff.Post(art, meta(kb.VisibilityCompanies, w.a2)); r.Status != 303 || chosen() != id(w.a2) {
			t.Errorf("one unticked: %d, chosen %s", r.Status, chosen())
		}
		// An archived company stays while ticked; ticked anew it is refused.
		var adminID int64
		w.env.DB.QueryRow(ctx, `SELECT id FROM staff WHERE email = 'admin@a.test'`).Scan(&adminID)
		if err := company.Archive(ctx, w.env.DB, tenantID, w.a1, adminID, time.Now()); err != nil {
			t.Fatal(err)
		}
		r = staff.Post(art, meta(kb.VisibilityCompanies, w.a1, w.a2))
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-company_id"`) || chosen() != id(w.a2) {
			t.Errorf("archived company ticked anew: %d, chosen %s", r.Status, chosen())
		}
		if r := staff.Post(art, meta(kb.VisibilityCustomers, w.a2)); r.Status != 303 || chosen() != "" {
			t.Errorf("all customers: %d, chosen %s", r.Status, chosen())
		}
	})
}
