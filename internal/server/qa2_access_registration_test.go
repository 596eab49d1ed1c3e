package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// mailsTo counts the mails queued or sent to addr.
func mailsTo(t *testing.T, env *apptest.Env, addr string) int {
	t.Helper()
	var n int
	if err := env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, addr).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRegistrationWaitingForMainContact: where main contacts decide on registrations,
// a confirmed registration of a company's email domain is mailed to that company's main
// contacts, each in their own language, and counted on the Colleagues page's heading
// (not in the navigation: a count on every page cost the home page half its
// throughput, BENCHMARKS.md). A plain user and another company's
// main contact get neither; staff still find it in the inbox; with main contacts not
// deciding, nobody but staff hears of it.
func TestRegistrationWaitingForMainContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "a.test", "a2.test")
		coA, coB := env.Company(ten, "Alpha AG"), env.Company(ten, "Beta AG")
		setDomains(t, env, coA.ID, "alpha.test")
		setDomains(t, env, coB.ID, "beta.test")
		env.Contact(ten, "chef@alpha.test", "chef-password-1", "main", coA)
		env.Contact(ten, "chefin@alpha.test", "chefin-password-1", "main", coA)
		env.Contact(ten, "user@alpha.test", "user-password-1", "user", coA)
		env.Contact(ten, "boss@beta.test", "boss-password-1", "main", coB)
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")
		for addr, lang := range map[string]string{"chef@alpha.test": "en", "chefin@alpha.test": "fr", "boss@beta.test": "en"} {
			if _, err := env.DB.Exec(ctx, `UPDATE contacts SET language = ? WHERE email = ?`, lang, addr); err != nil {
				t.Fatal(err)
			}
		}
		tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeatureRegistration, tenant.FeatureMainApproves})
		item := registered(t, env, env.Client("a.test"), "neu@alpha.test", "Alpha")

		subject, text := lastMailTo(t, env, "chef@alpha.test")
		if !strings.Contains(subject, "is waiting for access to Alpha AG") || !strings.Contains(text, "neu@alpha.test") ||
			!strings.Contains(text, "Colleagues page") || !strings.Contains(text, "/colleagues") {
			t.Errorf("English main contact's mail: %q\n%s", subject, text)
		}
		if subject, _ := lastMailTo(t, env, "chefin@alpha.test"); !strings.Contains(subject, "attend l’accès à Alpha AG") {
			t.Errorf("French main contact's mail: %q", subject)
		}
		for _, addr := range []string{"user@alpha.test", "boss@beta.test"} {
			if n := mailsTo(t, env, addr); n != 0 {
				t.Errorf("%s got %d mails about another's registration", addr, n)
			}
		}

		chef := env.Client("a.test")
		chef.Login("chef@alpha.test", "chef-password-1")
		if page := chef.Get("/colleagues").Body; !strings.Contains(page, `<span class="badge warn">1 registration waiting</span>`) {
			t.Errorf("no count at the Colleagues heading:\n%.400s", page[strings.Index(page, "<h1>"):])
		}
		boss := env.Client("a.test")
		boss.Login("boss@beta.test", "boss-password-1")
		if page := boss.Get("/colleagues").Body; strings.Contains(page, "Colleagues (") || strings.Contains(page, "registration waiting") {
			t.Errorf("another company's main contact sees the count")
		}
		s := env.Client("a.test")
		s.AdminLogin("admin@service.test", "admin-password-1")
		if r := s.Get("/admin/inbox/" + id(item)); r.Status != 200 || !strings.Contains(r.Body, "neu@alpha.test") {
			t.Errorf("staff inbox item: %d", r.Status)
		}

		// Decided: the count is gone.
		if r := chef.Post("/colleagues/registrations/"+id(item)+"/reject", map[string][]string{"reason": {"Unbekannt"}}); r.Status != 303 {
			t.Fatalf("reject: %d", r.Status)
		}
		if page := chef.Get("/colleagues").Body; strings.Contains(page, "Colleagues (") || strings.Contains(page, "registration waiting") {
			t.Errorf("count shown after the decision")
		}

		// Main contacts not deciding: only staff hear of a registration.
		tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeatureRegistration})
		before := mailsTo(t, env, "chef@alpha.test")
		registered(t, env, env.Client("a2.test"), "spaet@alpha.test", "Alpha")
		if n := mailsTo(t, env, "chef@alpha.test"); n != before {
			t.Errorf("main contact mailed although staff decide: %d mails, had %d", n, before)
		}
		chef2 := env.Client("a2.test")
		chef2.Login("chef@alpha.test", "chef-password-1")
		if page := chef2.Get("/").Body; strings.Contains(page, "Colleagues (") {
			t.Errorf("count shown although staff decide")
		}
	})
}
