package server_test

import (
	"html"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// firstUseWorld is a fresh tenant as a new service business meets it: an admin signed
// in to the back office, one company without contacts, no article, no text module.
func firstUseWorld(t *testing.T, e db.Engine) (*apptest.Env, *apptest.Client, tenant.Tenant, company.Company) {
	t.Helper()
	env := apptest.Start(t, e)
	ten := env.Tenant("Service GmbH", "a.test")
	env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
	co := env.Company(ten, "Bäckerei Nord GmbH")
	c := env.Client("a.test")
	c.AdminLogin("boss@service.test", "boss-password")
	return env, c, ten, co
}

// page fetches path and returns its text with entities decoded, failing on a non-200.
func firstUsePage(t *testing.T, c *apptest.Client, path string) string {
	t.Helper()
	r := c.Get(path)
	if r.Status != 200 {
		t.Fatalf("%s: status %d", path, r.Status)
	}
	return html.UnescapeString(r.Body)
}

// TestFirstUseEmptyPagesNameTheNextStep: a new company's page said only "The company
// has no contacts yet" (the first-steps list sends the admin there for the first
// contact) and the text modules "No text modules yet"; both now name the button that
// adds the first one, as the other empty lists do.
func TestFirstUseEmptyPagesNameTheNextStep(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		_, c, _, co := firstUseWorld(t, e)
		de := i18n.For("de")
		coPage := firstUsePage(t, c, "/admin/companies/"+itoa64(co.ID))
		want := de.T("list_empty.company_contacts", map[string]any{"Action": de.T("admin.contacts.new_in_company")})
		if !strings.Contains(coPage, want) {
			t.Errorf("the company page without contacts lacks %q", want)
		}
		modules := firstUsePage(t, c, "/admin/text-modules")
		want = de.T("list_empty.text_modules", map[string]any{"Action": de.T("text_modules.new")})
		if !strings.Contains(modules, want) {
			t.Errorf("the empty text modules page lacks %q", want)
		}
	})
}

// TestFirstUseKBImageHintSaysWhere: the new article's text field said to take images
// "from the images below", but a new article has no images section (it appears on the
// article's page once saved), and neither has a translation's page. The new article
// now says to create it first; a translation's page names the article page's section.
func TestFirstUseKBImageHintSaysWhere(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, ten, _ := firstUseWorld(t, e)
		de := i18n.For("de")
		newPage := firstUsePage(t, c, "/admin/kb/new")
		if !strings.Contains(newPage, de.T("kb_admin.field.body_hint_new")) {
			t.Error("the new article's page does not say to create the article before uploading images")
		}
		art := kbArticle(t, env, ten, 0, "drucker", "draft", "customers", "Drucker einrichten", "Text")
		for _, path := range []string{"/admin/kb/new", "/admin/kb/articles/" + itoa64(art) + "/translations/de"} {
			if p := firstUsePage(t, c, path); strings.Contains(p, "aus den Bildern unten") {
				t.Errorf("%s points to images below it, which it does not have", path)
			}
		}
		if p := firstUsePage(t, c, "/admin/kb/articles/"+itoa64(art)+"/translations/de"); !strings.Contains(p, de.T("kb_admin.field.body_hint")) {
			t.Error("a translation's page lacks the Markdown hint")
		}
	})
}

// TestFirstUseContactWithoutEmailLabel: a company's contact kept without an email
// address was offered as "Karl Kasse <>" in the new ticket's contact choice and the
// ticket's "opened by" correction; it is named alone now.
func TestFirstUseContactWithoutEmailLabel(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, ten, co := firstUseWorld(t, e)
		env.Contact(ten, "", "", "user", co)
		env.Contact(ten, "berta@baeckerei.test", "berta-password", "main", co)
		p := firstUsePage(t, c, "/admin/tickets/new?company="+itoa64(co.ID))
		if !strings.Contains(p, "Ohne E-Mail") || !strings.Contains(p, "<berta@baeckerei.test>") {
			t.Fatal("the new ticket's contact choice lacks the company's contacts")
		}
		if strings.Contains(p, "<>") {
			t.Error("a contact without an email address is offered with empty brackets")
		}
	})
}

// TestFirstUsePortalKBPointsToTicket: a contact whose search found no article (or who
// met a knowledge base without articles) was left at "No article matches"; like an
// article that did not help, the page now offers a new ticket.
func TestFirstUsePortalKBPointsToTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, _, ten, co := firstUseWorld(t, e)
		env.Contact(ten, "berta@baeckerei.test", "berta-password", "main", co)
		p := env.Client("a.test")
		p.Login("berta@baeckerei.test", "berta-password")
		de := i18n.For("de")
		for _, path := range []string{"/kb", "/kb/search?q=papierstau"} {
			body := firstUsePage(t, p, path)
			if !strings.Contains(body, `href="/tickets/new"`) || !strings.Contains(body, de.T("portal_qa.kb_help_open")) {
				t.Errorf("%s without an article offers no new ticket", path)
			}
		}
	})
}
