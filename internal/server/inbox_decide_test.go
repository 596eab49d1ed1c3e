package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestInboxRejectErrorsAndRehandling: rejecting without a reason shows the error
// summary in the reject form, not above the approve form; handling an item a second
// time says whether oneself or someone else handled it, and when, keeping what was
// typed.
func TestInboxRejectErrorsAndRehandling(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		env.Staff(ten, staff.RoleAgent, "eins@service.test", "agent-password-1")
		env.Staff(ten, staff.RoleAgent, "zwei@service.test", "agent-password-2")
		one, two := env.Client(""), env.Client("")
		one.AdminLogin("eins@service.test", "agent-password-1")
		two.AdminLogin("zwei@service.test", "agent-password-2")
		item := registered(t, env, env.Client(""), "rita@fremd.test", "Fremd GmbH")
		path := "/admin/inbox/" + id(item)

		r := one.Post(path+"/reject", url.Values{"reason": {"  "}})
		if r.Status != 422 {
			t.Fatalf("empty reason: %d", r.Status)
		}
		summary := strings.Index(r.Body, "Bitte korrigieren Sie die markierten Felder")
		approve := strings.Index(r.Body, `id="approve-h"`)
		reject := strings.Index(r.Body, `id="reject-h"`)
		if summary < 0 || approve < 0 || reject < 0 || summary < reject {
			t.Errorf("error summary not in the reject form (summary %d, approve %d, reject %d)", summary, approve, reject)
		}
		if strings.Count(r.Body, "Bitte korrigieren Sie die markierten Felder") != 1 {
			t.Errorf("error summary shown more than once")
		}
		if r := one.Post(path+"/reject", url.Values{"reason": {"Kein Kunde"}}); r.Status != 303 {
			t.Fatalf("reject: %d", r.Status)
		}
		one.Get(path) // takes the success flash
		r = one.Post(path+"/reject", url.Values{"reason": {"Nochmal"}})
		if r.Status != 409 || !strings.Contains(r.Body, "Sie haben diesen Eintrag bereits am ") || !strings.Contains(r.Body, "Nochmal</blockquote>") {
			t.Errorf("own second decision: %d\n%s", r.Status, flashOf(r.Body))
		}
		r = two.Post(path+"/approve", url.Values{"company_id": {"1"}, "role": {"user"}})
		if r.Status != 409 || !strings.Contains(r.Body, "bereits von eins@service.test &lt;eins@service.test&gt; am ") {
			t.Errorf("someone else's decision: %d\n%s", r.Status, flashOf(r.Body))
		}
	})
}
