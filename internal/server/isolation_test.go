package server_test

import (
	"context"
	"maps"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/admin"
	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/portal"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// world is two tenants with companies, contacts and staff, for isolation tests.
type world struct {
	env                     *apptest.Env
	a1, a2, b1              int64 // companies: A1, A2 of tenant A; B1 of tenant B
	alice, bob, carol, dave int64 // contacts: alice main@A1, bob main@A2, carol@B1, dave@A1+A2(revoked)
	daveA2, carolM, bobM    int64 // memberships
	staffB                  int64
	mailB                   int64
	inviteB                 string // an invitation link token of tenant B
}

func build(t *testing.T, e db.Engine) *world {
	env := apptest.Start(t, e)
	ta := env.Tenant("Tenant A", "a.test")
	tb := env.Tenant("Tenant B", "b.test")
	w := &world{env: env}
	a1, a2, b1 := env.Company(ta, "A1 GmbH"), env.Company(ta, "A2 GmbH"), env.Company(tb, "B1 AG")
	w.a1, w.a2, w.b1 = a1.ID, a2.ID, b1.ID
	w.alice = env.Contact(ta, "alice@a1.test", "alice-password", "main", a1).ID
	w.bob = env.Contact(ta, "bob@a2.test", "bob-password-1", "main", a2).ID
	w.carol = env.Contact(tb, "carol@b1.test", "carol-password", "main", b1).ID
	w.dave = env.Contact(ta, "dave@a1.test", "dave-password", "user", a1, a2).ID
	ctx := context.Background()
	ms, _ := contact.MembershipsOfContact(ctx, env.DB, ta.ID, w.dave)
	for _, m := range ms {
		if m.CompanyID == a2.ID {
			w.daveA2 = m.ID
			contact.SetAccess(ctx, env.DB, ta.ID, m.ID, "", contact.AccessRevoked, time.Now())
		}
	}
	cms, _ := contact.MembershipsOfContact(ctx, env.DB, tb.ID, w.carol)
	w.carolM = cms[0].ID
	bms, _ := contact.MembershipsOfContact(ctx, env.DB, ta.ID, w.bob)
	w.bobM = bms[0].ID
	env.Staff(ta, staff.RoleAdmin, "admin@a.test", "admin-a-password")
	w.staffB = env.Staff(tb, staff.RoleAdmin, "admin@b.test", "admin-b-password").ID

	// Tenant B gets an invitation (and so a mail) for a new contact of its own.
	erin := env.Contact(tb, "erin@b1.test", "", "user", b1)
	ems, _ := contact.MembershipsOfContact(ctx, env.DB, tb.ID, erin.ID)
	if err := env.App.Access.Grant(ctx, tb, access.Actor{Label: "test"}, ems[0].ID, "user", "http://b.test"); err != nil {
		t.Fatal(err)
	}
	env.DB.QueryRow(ctx, `SELECT id, text_body FROM mails WHERE tenant_id = ?`, tb.ID).Scan(&w.mailB, &w.inviteB)
	w.inviteB = w.inviteB[strings.Index(w.inviteB, "/invitation/")+len("/invitation/"):]
	w.inviteB = strings.Fields(w.inviteB)[0]
	return w
}

// portalCases says how the isolation test exercises each portal route. Every route of
// portal.Routes must be listed: a new route without an entry fails the test.
var portalCases = map[string]string{
	"GET /login":                   "public",
	"POST /login":                  "public",
	"POST /logout":                 "no ids",
	"POST /language":               "public",
	"GET /invitation/{token}":      "token",
	"POST /invitation/{token}":     "token",
	"GET /password/forgot":         "public",
	"POST /password/forgot":        "public",
	"GET /password/reset/{token}":  "token",
	"POST /password/reset/{token}": "token",
	"GET /{$}":                     "no ids",
	"GET /companies/{id}":          "id",
	"POST /company":                "form company_id",
	"GET /colleagues":              "no ids",
	"POST /colleagues":             "no ids",
	"POST /colleagues/{id}/role":   "id",
	"POST /colleagues/{id}/revoke": "id",
	"POST /colleagues/{id}/resend": "id",
	"GET /account":                 "no ids",
	"POST /account/details":        "no ids",
	"POST /account/password":       "no ids",
	// Signing out other sessions: another person's session in TestActiveSessions.
	"POST /account/sessions/{id}/end":   "id",
	"POST /account/sessions/others/end": "no ids",
	"GET /account/export":               "no ids",
	"POST /account/export":              "no ids",
	"GET /settings":                     "no ids",
	"POST /settings/password":           "public",
	"GET /settings/password":            "public",
	"POST /settings/language":           "no ids",
	"GET /settings/notifications":       "no ids",
	"POST /settings/notifications":      "no ids",
	"GET /choose":                       "no ids",
	"POST /choose":                      "form company_id",
	"GET /brand/logo":                   "public",
	"POST /preview/end":                 "public",
	"/":                                 "fallback",

	// self-registration, main-contact approval, account deletion (inbox branch)
	"GET /register":                               "public",
	"POST /register":                              "public",
	"GET /register/confirm/{token}":               "token",
	"POST /register/confirm/{token}":              "token",
	"POST /colleagues/registrations/{id}/approve": "id",
	"POST /colleagues/registrations/{id}/reject":  "id",
	"POST /account/delete":                        "no ids",
	// Passkeys: foreign ids in TestPasskeyIsolation; a registration ceremony is bound to
	// its contact and session (TestPasskeyBadInput).
	"POST /login/passkey/begin":          "public",
	"POST /login/passkey":                "public",
	"POST /account/passkeys/begin":       "no ids",
	"POST /account/passkeys":             "no ids",
	"POST /account/passkeys/{id}/rename": "id",
	"POST /account/passkeys/{id}/delete": "id",
	// Two-factor authentication: the second login step acts only on its own challenge
	// cookie; the account routes act on the session's own contact and company.
	"GET /login/code":                  "public",
	"POST /login/code":                 "public",
	"POST /account/twofactor/setup":    "no ids",
	"GET /account/twofactor/setup":     "no ids",
	"POST /account/twofactor/confirm":  "no ids",
	"POST /account/twofactor/recovery": "no ids",
	// The codes posted back must be the session's own contact's new ones: another
	// contact's are refused in TestRecoveryCodesFile.
	"POST /account/twofactor/recovery/file": "no ids",
	"POST /account/twofactor/disable":       "no ids",
	"POST /account/twofactor/company":       "no ids",
	// Helpdesk: foreign ticket, file and follower ids in TestTicketIsolation.
	"GET /tickets":                                  "no ids",
	"GET /tickets/new":                              "no ids",
	"GET /tickets/report":                           "no ids",
	"GET /tickets/report.csv":                       "no ids",
	"POST /tickets/report.csv":                      "no ids",
	"POST /tickets":                                 "no ids",
	"GET /tickets/{id}":                             "id",
	"POST /tickets/{id}/reply":                      "id",
	"POST /tickets/{id}/close":                      "id",
	"POST /tickets/{id}/reopen":                     "id",
	"POST /tickets/{id}/rating":                     "id",
	"GET /tickets/{id}/rating":                      "id",
	"POST /tickets/{id}/followers":                  "id",
	"POST /tickets/{id}/followers/{contact}/remove": "id",
	"GET /tickets/{id}/files/{file}":                "id",
	"POST /tickets/{id}/switch":                     "id",
	// Knowledge base: readable without login; foreign and restricted ids in
	// TestKBIsolation.
	"GET /kb":                 "public",
	"GET /kb/search":          "public",
	"GET /kb/suggest":         "public",
	"GET /kb/articles/{ref}":  "id",
	"GET /kb/categories/{id}": "id",
	"GET /kb/other":           "public", // the articles without a category the reader may see
	"GET /kb/images/{id}":     "id",

	// "Was this article helpful?": foreign and restricted articles in TestKBIsolation
	// and TestKBFeedbackIsolation.
	"POST /kb/articles/{ref}/feedback": "id",

	// Downloads: foreign folders, files and versions in TestDownloadIsolation.
	"GET /downloads":                        "no ids",
	"GET /downloads/folders/{id}":           "id",
	"GET /downloads/files/{id}":             "id",
	"GET /downloads/files/{id}/download":    "id",
	"GET /downloads/versions/{id}/download": "id",
	// Download subscriptions: foreign, restricted and empty folders and files in
	// TestDownloadSubscribe, another contact's subscription there too.
	"POST /downloads/folders/{id}/subscribe":             "id",
	"POST /downloads/folders/{id}/unsubscribe":           "id",
	"POST /downloads/files/{id}/subscribe":               "id",
	"POST /downloads/files/{id}/unsubscribe":             "id",
	"POST /settings/notifications/downloads/{id}/delete": "id",
	// Switching to the company of a file or folder: TestDownloadLinkSwitchesCompany.
	"POST /downloads/files/{id}/switch":   "id",
	"POST /downloads/folders/{id}/switch": "id",
}

func TestPortalIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		for _, r := range portal.Routes(w.env.App.Env, w.env.App.Access, web.NewFragments(32<<20)) {
			if _, ok := portalCases[r.Pattern]; !ok {
				t.Errorf("portal route %q is not covered by the isolation test", r.Pattern)
			}
		}
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		dave := w.env.Client("a.test")
		dave.Login("dave@a1.test", "dave-password")

		// Own company: visible. Another company of the tenant, another tenant's company,
		// and a company whose access was revoked: 404.
		if r := alice.Get("/companies/" + id(w.a1)); r.Status != 200 || !strings.Contains(r.Body, "A1 GmbH") {
			t.Fatalf("own company: %d", r.Status)
		}
		for _, c := range []*apptest.Client{alice, dave} {
			for _, foreign := range []int64{w.a2, w.b1, 999999} {
				if r := c.Get("/companies/" + id(foreign)); r.Status != 404 || strings.Contains(r.Body, "A2 GmbH") || strings.Contains(r.Body, "B1 AG") {
					t.Errorf("GET /companies/%d: status %d, want 404 without the name", foreign, r.Status)
				}
				if r := c.Post("/company", url.Values{"company_id": {id(foreign)}}); r.Status != 404 {
					t.Errorf("POST /company %d: status %d, want 404", foreign, r.Status)
				}
				if r := c.Post("/choose", url.Values{"company_id": {id(foreign)}}); r.Status != 404 {
					t.Errorf("POST /choose %d: status %d, want 404", foreign, r.Status)
				}
			}
		}
		for _, bad := range []string{"abc", "-1", "0", "1e9", "99999999999999999999"} {
			if r := alice.Get("/companies/" + bad); r.Status != 404 {
				t.Errorf("GET /companies/%s: %d", bad, r.Status)
			}
		}
		// Colleague management with memberships of another company of the tenant, of
		// another tenant, of a company whose access was revoked: 404, nothing changes.
		for _, m := range []int64{w.bobM, w.carolM, w.daveA2, 999999} {
			for _, action := range []string{"role", "revoke", "resend"} {
				r := alice.Post("/colleagues/"+id(m)+"/"+action, url.Values{"role": {"user"}})
				if r.Status != 404 {
					t.Errorf("POST /colleagues/%d/%s: %d, want 404", m, action, r.Status)
				}
			}
		}
		var states string
		w.env.DB.QueryRow(context.Background(), `SELECT MIN(access) || MAX(access) || MIN(role) FROM memberships WHERE id IN (?, ?)`, w.bobM, w.carolM).Scan(&states)
		if states != "activeactivemain" {
			t.Errorf("foreign memberships changed: %q", states)
		}
		// A plain user has no colleague management at all.
		if r := dave.Get("/colleagues"); r.Status != 404 {
			t.Errorf("user sees colleagues: %d", r.Status)
		}
		// Nor the company's two-factor rule; the rule of A1 stays off.
		if r := dave.Post("/account/twofactor/company", url.Values{"require": {"1"}}); r.Status != 404 {
			t.Errorf("user sets the company's two-factor rule: %d", r.Status)
		}
		var a1Required bool
		w.env.DB.QueryRow(context.Background(), `SELECT require_two_factor FROM companies WHERE id = ?`, w.a1).Scan(&a1Required)
		if a1Required {
			t.Errorf("a plain user switched on the company's two-factor rule")
		}
		// After all that, alice still acts for A1.
		if r := alice.Get("/"); !strings.Contains(r.Body, "A1 GmbH") {
			t.Errorf("home lost the company: %.200s", r.Body)
		}
		// Another tenant's invitation link does not work on this tenant's host.
		if r := alice.Get("/invitation/" + w.inviteB); r.Status != 410 || strings.Contains(r.Body, "erin@") {
			t.Errorf("foreign invitation: %d", r.Status)
		}
		if r := w.env.Client("a.test").Post("/invitation/"+w.inviteB, url.Values{"password": {"long-enough-pw"}, "password_confirm": {"long-enough-pw"}}); r.Status != 410 {
			t.Errorf("foreign invitation submit: %d", r.Status)
		}
		// A session of tenant A is nothing on tenant B's host.
		aliceCookie := alice.Cookie(web.PortalCookie)
		if aliceCookie == "" {
			t.Fatal("no session cookie")
		}
		carolHost := w.env.Client("b.test")
		carolHost.SetCookie(web.PortalCookie, aliceCookie)
		if r := carolHost.Get("/"); r.Status != 303 || r.Location != "/login" {
			t.Errorf("tenant A session on tenant B: %d %q", r.Status, r.Location)
		}
		// An unknown host is refused when the installation has several tenants.
		if r := w.env.Client("unknown.test").Get("/login"); r.Status != 404 {
			t.Errorf("unknown host: %d", r.Status)
		}
	})
}

// adminCases lists how each back-office route is exercised with another tenant's ids.
var adminCases = map[string]string{}

func TestAdminIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		staffA := w.env.Client("a.test")
		staffA.AdminLogin("admin@a.test", "admin-a-password")
		var tenantB int64
		w.env.DB.QueryRow(context.Background(), `SELECT tenant_id FROM companies WHERE id = ?`, w.b1).Scan(&tenantB)
		itemB, err := inbox.Create(context.Background(), w.env.DB, inbox.Item{TenantID: tenantB, Kind: inbox.KindRegistration,
			Title: "B1 AG", Email: "carol@b1.test"}, map[string]string{"email": "carol@b1.test"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		foreign := map[string]string{
			"GET /admin/companies/{id}":             "/admin/companies/" + id(w.b1),
			"POST /admin/companies/{id}/grant":      "/admin/companies/" + id(w.b1) + "/grant",
			"POST /admin/companies/{id}":            "/admin/companies/" + id(w.b1),
			"GET /admin/contacts/{id}":              "/admin/contacts/" + id(w.carol),
			"POST /admin/contacts/{id}":             "/admin/contacts/" + id(w.carol),
			"POST /admin/contacts/{id}/memberships": "/admin/contacts/" + id(w.carol) + "/memberships",
			"POST /admin/memberships/{id}/grant":    "/admin/memberships/" + id(w.carolM) + "/grant",
			"POST /admin/memberships/{id}/revoke":   "/admin/memberships/" + id(w.carolM) + "/revoke",
			"GET /admin/outbox/{id}":                "/admin/outbox/" + id(w.mailB),
			"POST /admin/outbox/{id}/retry":         "/admin/outbox/" + id(w.mailB) + "/retry",
			"POST /admin/outbox/{id}/discard":       "/admin/outbox/" + id(w.mailB) + "/discard",
			"POST /admin/staff/{id}":                "/admin/staff/" + id(w.staffB),
			"POST /admin/staff/{id}/resend":         "/admin/staff/" + id(w.staffB) + "/resend",
			"POST /admin/contacts/{id}/preview":     "/admin/contacts/" + id(w.carol) + "/preview",
			"GET /admin/inbox/{id}":                 "/admin/inbox/" + id(itemB),
			"POST /admin/inbox/{id}/approve":        "/admin/inbox/" + id(itemB) + "/approve",
			"POST /admin/inbox/{id}/reject":         "/admin/inbox/" + id(itemB) + "/reject",
			"POST /admin/inbox/{id}/done":           "/admin/inbox/" + id(itemB) + "/done",

			"POST /admin/companies/{id}/twofactor": "/admin/companies/" + id(w.b1) + "/twofactor",
			"POST /admin/companies/{id}/note":      "/admin/companies/" + id(w.b1) + "/note",
			// archiving a company (company_archive_test.go)
			"GET /admin/companies/{id}/archive":  "/admin/companies/" + id(w.b1) + "/archive",
			"POST /admin/companies/{id}/archive": "/admin/companies/" + id(w.b1) + "/archive",
			"POST /admin/companies/{id}/restore": "/admin/companies/" + id(w.b1) + "/restore",

			// staff rename and withdrawn invitations, an invitation's role (qa2_people_*_test.go)
			"POST /admin/staff/{id}/name":       "/admin/staff/" + id(w.staffB) + "/name",
			"POST /admin/staff/{id}/withdraw":   "/admin/staff/" + id(w.staffB) + "/withdraw",
			"POST /admin/memberships/{id}/role": "/admin/memberships/" + id(w.carolM) + "/role",
		}
		// a contact's support actions (contact_support_test.go)
		foreign["POST /admin/contacts/{id}/password-reset"] = "/admin/contacts/" + id(w.carol) + "/password-reset"
		foreign["POST /admin/contacts/{id}/twofactor-reset"] = "/admin/contacts/" + id(w.carol) + "/twofactor-reset"
		foreign["POST /admin/contacts/{id}/unlock"] = "/admin/contacts/" + id(w.carol) + "/unlock"
		maps.Copy(foreign, contactEraseAdminForeign(w)) // erasing and exporting a contact (contact_erase_isolation_test.go)
		// Incoming mail (inbound): tenant B's mail item with a real stored file.
		mailItemB := inboundItem(t, w.env, tenantB)
		foreign["GET /admin/inbox/{id}/files/{n}"] = "/admin/inbox/" + id(mailItemB) + "/files/0"
		foreign["GET /admin/inbox/{id}/raw"] = "/admin/inbox/" + id(mailItemB) + "/raw"
		foreign["POST /admin/inbox/{id}/ticket"] = "/admin/inbox/" + id(mailItemB) + "/ticket"
		foreign["POST /admin/inbox/{id}/attach"] = "/admin/inbox/" + id(mailItemB) + "/attach"
		foreign["POST /admin/inbox/{id}/ticket-company"] = "/admin/inbox/" + id(mailItemB) + "/ticket-company"
		foreign["POST /admin/inbox/{id}/approve-new"] = "/admin/inbox/" + id(itemB) + "/approve-new"
		foreign["POST /admin/inbox/{id}/reopen"] = "/admin/inbox/" + id(mailItemB) + "/reopen"
		foreign["POST /admin/inbox/{id}/unblock"] = "/admin/inbox/" + id(mailItemB) + "/unblock"
		// answering and blocking senders (inbox_block_isolation_test.go)
		maps.Copy(foreign, inboxBlockAdminForeign(t, w, tenantB, mailItemB))
		for k, v := range kbForeignAdmin(t, w, tenantB) { // knowledge base
			foreign[k] = v
		}
		// helpdesk back office (tickadmin branch)
		for k, v := range ticketAdminForeign(t, w, tenantB) {
			foreign[k] = v
		}
		foreign["POST /admin/tickets/{id}/followup"] = foreign["GET /admin/tickets/{id}"] + "/followup" // follow-ups (followup)
		maps.Copy(foreign, ticketTimeAdminForeign(t, w, tenantB, foreign["GET /admin/tickets/{id}"]))   // time accounting (timeacct)
		foreign["POST /admin/tickets/{id}/presence"] = foreign["GET /admin/tickets/{id}"] + "/presence" // presence heartbeat (presence)
		foreign["GET /admin/tickets/{id}/delete"] = foreign["GET /admin/tickets/{id}"] + "/delete"      // deleting tickets (ticketdel)
		foreign["POST /admin/tickets/{id}/delete"] = foreign["GET /admin/tickets/{id}"] + "/delete"     // tickets_delete_test.go
		maps.Copy(foreign, downloadAdminForeign(t, w, tenantB))
		maps.Copy(foreign, textModuleAdminForeign(t, w, tenantB)) // text modules (textmod)
		// Signing out a session: tenant B's admin's own session.
		w.env.Client("b.test").AdminLogin("admin@b.test", "admin-b-password")
		var sessionB int64
		w.env.DB.QueryRow(context.Background(), `SELECT MAX(id) FROM sessions WHERE staff_id = ?`, w.staffB).Scan(&sessionB)
		foreign["POST /admin/account/sessions/{id}/end"] = "/admin/account/sessions/" + id(sessionB) + "/end"
		for _, r := range admin.Routes(w.env.App.Env, w.env.App.Access) {
			path, ok := foreign[r.Pattern]
			if !ok {
				if strings.Contains(r.Pattern, "{id}") {
					t.Errorf("admin route %q has an id but no isolation case", r.Pattern)
				}
				continue
			}
			method := strings.Fields(r.Pattern)[0]
			form := url.Values{"name": {"x"}, "last_name": {"x"}, "role": {"user"}, "company_id": {id(w.b1)}, "active": {"1"}}
			if method == "GET" {
				form = nil
			}
			res := staffA.Do(method, path, form)
			if res.Status != 404 {
				t.Errorf("%s %s as tenant A staff: %d, want 404", method, path, res.Status)
			}
			if strings.Contains(res.Body, "carol@") || strings.Contains(res.Body, "B1 AG") {
				t.Errorf("%s %s leaks tenant B data", method, path)
			}
		}
		mailTemplateIsolation(t, w, staffA)
		outboxSearchIsolation(t, w, staffA, tenantB) // outbox search, mail HTML preview (outbox_search_test.go)
		ticketBulkIsolation(t, w, staffA, tenantB)   // the queue's bulk form (tickets_bulk_test.go)
		ticketReadIsolation(t, w, staffA, tenantB)   // the queue's "mark as read" (tickets_unread_queue_test.go)
		ticketDeleteIsolation(t, w, staffA, tenantB) // deleting: tenant B's tickets stay (tickets_delete_test.go)
		// blocked senders (inbox_block_isolation_test.go)
		inboxBlockIsolation(t, w, staffA, tenantB, mailItemB)
		// Adding a tenant A contact to tenant B's company is refused as well.
		if r := staffA.Post("/admin/contacts/"+id(w.alice)+"/memberships", url.Values{"company_id": {id(w.b1)}, "role": {"user"}}); r.Status != 404 {
			t.Errorf("membership into foreign company: %d", r.Status)
		}
		// Nothing of tenant B changed.
		var required bool
		w.env.DB.QueryRow(context.Background(), `SELECT require_two_factor FROM companies WHERE id = ?`, w.b1).Scan(&required)
		if required {
			t.Errorf("tenant B company now requires two factors")
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM companies WHERE id = ? AND archived_at IS NOT NULL`, w.b1); n != 0 {
			t.Errorf("tenant B company archived by tenant A staff")
		}
		var access string
		w.env.DB.QueryRow(context.Background(), `SELECT access FROM memberships WHERE id = ?`, w.carolM).Scan(&access)
		if access != "active" {
			t.Errorf("tenant B membership changed to %q", access)
		}
		// A staff session of tenant A is nothing on tenant B's host (nor on an unknown one).
		if staffA.Cookie(web.AdminCookie) == "" {
			t.Fatal("no staff session cookie")
		}
		for _, host := range []string{"b.test", "unknown.test"} {
			other := w.env.Client(host)
			other.SetCookie(web.AdminCookie, staffA.Cookie(web.AdminCookie))
			if r := other.Get("/admin/companies"); r.Status == 200 || strings.Contains(r.Body, "A1 GmbH") {
				t.Errorf("tenant A staff session on %s: %d", host, r.Status)
			}
		}
		// Contacts' portal sessions are not staff sessions.
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		if alice.Cookie(web.PortalCookie) == "" {
			t.Fatal("no session cookie")
		}
		alice.SetCookie(web.AdminCookie, alice.Cookie(web.PortalCookie))
		if r := alice.Get("/admin/companies"); r.Status != 303 {
			t.Errorf("contact session in back office: %d", r.Status)
		}
	})
}

func id(n int64) string { return strconv.FormatInt(n, 10) }
