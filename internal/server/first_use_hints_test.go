package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestFirstUseNewContactSaysWhatSavingDoes: under a company, saving a new contact with
// the welcome mail on grants access and mails the contact at once; the form did not say
// so. The role's hint now tells, and with the switch off it says where access is granted.
func TestFirstUseNewContactSaysWhatSavingDoes(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, ten, co := firstUseWorld(t, e)
		de := i18n.For("de")
		path := "/admin/contacts/new?company_id=" + itoa64(co.ID)
		grant := de.T("admin.contacts.role_hint_grant", map[string]any{"Action": de.T("admin.members.grant")})
		welcome := de.T("admin.contacts.role_hint_welcome")
		if p := firstUsePage(t, c, path); !strings.Contains(p, grant) || strings.Contains(p, welcome) {
			t.Error("with the welcome mail off, the role's hint does not say access is granted on the contact's page")
		}
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureWelcomeMail}); err != nil {
			t.Fatal(err)
		}
		env.App.Env.ForgetTenants()
		if p := firstUsePage(t, c, path); !strings.Contains(p, welcome) || strings.Contains(p, grant) {
			t.Error("with the welcome mail on, the role's hint does not say saving sends it")
		}
		// The select names the hint as its description, so a screen reader says it too.
		if p := firstUsePage(t, c, path); !strings.Contains(p, `name="role" aria-describedby="h-role"`) || !strings.Contains(p, `id="h-role"`) {
			t.Error("the role select is not described by its hint")
		}
		// A refused form keeps saying it.
		r := c.Post("/admin/contacts", url.Values{"first_name": {"Mia"}, "email": {"kein-at"}, "company_id": {itoa64(co.ID)}, "role": {"user"}})
		if r.Status != 422 || !strings.Contains(html.UnescapeString(r.Body), welcome) {
			t.Errorf("refused new contact: %d, hint kept: %v", r.Status, strings.Contains(html.UnescapeString(r.Body), welcome))
		}
	})
}

// TestFirstUseOutboxNamesTestMails: the test mail of the mail settings bypasses the
// outbox, which then said only "no emails sent yet"; it now says test mails are not
// listed there.
func TestFirstUseOutboxNamesTestMails(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		_, c, _, _ := firstUseWorld(t, e)
		de := i18n.For("de")
		want := de.T("admin.outbox.test_mails_hint", map[string]any{"Action": de.T("admin.mail.test")})
		if p := firstUsePage(t, c, "/admin/outbox"); !strings.Contains(p, want) {
			t.Errorf("the empty outbox lacks %q", want)
		}
	})
}

// TestFirstUsePortalAddressBareHost: "portal.example.de" was refused for want of
// https://; it is stored as https://portal.example.de now and shown so. An address that
// is none even then is refused as before, and the form keeps what was typed.
func TestFirstUsePortalAddressBareHost(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, ten, _ := firstUseWorld(t, e)
		save := func(u string) (int, string) {
			r := c.Post("/admin/settings", url.Values{"name": {"Service GmbH"}, "language": {"de"},
				"modules": {"helpdesk"}, "hosts": {"a.test"}, "portal_url": {u}})
			return r.Status, html.UnescapeString(r.Body)
		}
		if st, body := save("Portal.Example.de"); st != 303 {
			t.Fatalf("bare host name: %d %.300s", st, body)
		}
		var stored string
		if err := env.DB.QueryRow(context.Background(), `SELECT portal_url FROM tenants WHERE id = ?`, ten.ID).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != "https://portal.example.de" {
			t.Errorf("stored %q", stored)
		}
		if p := firstUsePage(t, c, "/admin/settings"); !strings.Contains(p, `value="https://portal.example.de"`) {
			t.Error("the settings page does not show the stored address")
		}
		msg := i18n.For("de").T("admin.settings.portal_url_invalid")
		for _, bad := range []string{"portal example.de", "portal.example.de/kunden", "ftp://portal.example.de", "javascript:alert(1)"} {
			if st, body := save(bad); st != 422 || !strings.Contains(body, msg) || !strings.Contains(body, `value="`+bad+`"`) {
				t.Errorf("%q: %d, message %v", bad, st, strings.Contains(body, msg))
			}
		}
	})
}

// TestFirstUseCompanyDomainWithoutWWW: a domain copied from the website
// ("www.baeckerei-nord.com") was stored as the mail domain and matched no sender; the
// form drops "www." now and its hint says so.
func TestFirstUseCompanyDomainWithoutWWW(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, _, co := firstUseWorld(t, e)
		if p := firstUsePage(t, c, "/admin/companies/"+itoa64(co.ID)); !strings.Contains(p, i18n.For("de").T("field.email_domains_hint")) {
			t.Error("the domains field lacks its hint")
		}
		r := c.Post("/admin/companies", url.Values{"name": {"Bäckerei Süd"}, "email_domains": {"www.baeckerei-sued.com, @WWW.sued.test, www.de"}})
		if r.Status != 303 {
			t.Fatalf("create: %d %.300s", r.Status, r.Body)
		}
		var domains string
		if err := env.DB.QueryRow(context.Background(), `SELECT email_domains FROM companies WHERE name = ?`, "Bäckerei Süd").Scan(&domains); err != nil {
			t.Fatal(err)
		}
		if domains != "baeckerei-sued.com, sued.test, www.de" {
			t.Errorf("stored domains %q", domains)
		}
		// Saving the company again: the same for an edit.
		r = c.Post("/admin/companies/"+itoa64(co.ID), url.Values{"name": {co.Name}, "email_domains": {"www.baeckerei-nord.com"}})
		if r.Status != 303 {
			t.Fatalf("update: %d %.300s", r.Status, r.Body)
		}
		if err := env.DB.QueryRow(context.Background(), `SELECT email_domains FROM companies WHERE id = ?`, co.ID).Scan(&domains); err != nil {
			t.Fatal(err)
		}
		if domains != "baeckerei-nord.com" {
			t.Errorf("updated domains %q", domains)
		}
	})
}

// TestFirstUseStaffInvitationNamesInviter: a contact's invitation says who invited
// them, a new staff member's did not; it names the inviting admin now, on a resend too.
func TestFirstUseStaffInvitationNamesInviter(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, ten, _ := firstUseWorld(t, e)
		if _, err := env.DB.Exec(context.Background(), `UPDATE staff SET name = ? WHERE tenant_id = ?`, "Maria Berger", ten.ID); err != nil {
			t.Fatal(err)
		}
		if r := c.Post("/admin/staff", url.Values{"name": {"Alex Neu"}, "email": {"alex@service.test"}, "role": {"agent"}}); r.Status != 303 {
			t.Fatalf("invite: %d %.300s", r.Status, r.Body)
		}
		_, text, _ := lastMail(t, env, "alex@service.test")
		if !strings.Contains(text, "Maria Berger hat für Sie einen Zugang zur Verwaltung von Service GmbH eingerichtet.") {
			t.Errorf("the staff invitation does not name the inviter:\n%s", text)
		}
		var id int64
		if err := env.DB.QueryRow(context.Background(), `SELECT id FROM staff WHERE email = ?`, "alex@service.test").Scan(&id); err != nil {
			t.Fatal(err)
		}
		if r := c.Post("/admin/staff/"+itoa64(id)+"/resend", nil); r.Status != 303 {
			t.Fatalf("resend: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = ? AND text_body LIKE ?`, "alex@service.test", "%Maria Berger hat%"); n != 2 {
			t.Errorf("mails naming the inviter: %d, want 2", n)
		}
	})
}

// TestFirstUseDownloadsTopLevelEmpty: the top level without any folder said "no
// sub-folders here"; it now says there are no folders yet and where to make one. A
// folder without sub-folders still says so.
func TestFirstUseDownloadsTopLevelEmpty(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, c, ten, _ := firstUseWorld(t, e)
		de := i18n.For("de")
		top := de.T("downloads_admin.no_folders_top", map[string]any{"Action": de.T("downloads_admin.folder_new")})
		sub := de.T("downloads_admin.no_folders")
		if p := firstUsePage(t, c, "/admin/downloads"); !strings.Contains(p, top) || strings.Contains(p, sub) {
			t.Error("the empty top level does not say there are no folders yet")
		}
		r := c.Post("/admin/downloads/folders", url.Values{"name": {"Handbücher"}, "parent_id": {"0"}})
		if r.Status != 303 {
			t.Fatalf("new folder: %d %.300s", r.Status, r.Body)
		}
		var folder int64
		if err := env.DB.QueryRow(context.Background(), `SELECT id FROM download_folders WHERE tenant_id = ? AND name = ?`, ten.ID, "Handbücher").Scan(&folder); err != nil {
			t.Fatal(err)
		}
		if p := firstUsePage(t, c, "/admin/downloads?folder="+itoa64(folder)); !strings.Contains(p, sub) || strings.Contains(p, top) {
			t.Error("a folder without sub-folders does not say so")
		}
	})
}
