package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInboxActionsOnHandledItem: Kim handles a mail and a registration; Agent, whose
// page still shows the forms, then submits them — with bad input (a ticket number
// "abc", a last name left empty, no reason) or good. Each time the item page comes
// back saying, in German, that Kim handled it and when, that nothing was changed, and
// with what Agent typed to copy: never a bare error status. Agent's own second click
// says it was Agent.
func TestInboxActionsOnHandledItem(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		d.env.Staff(d.t, staff.RoleAgent, "kim@desk.test", "kim-password")
		kim := d.env.Client("desk.test")
		kim.AdminLogin("kim@desk.test", "kim-password")
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")

		mail, err := inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindMail, Title: "Heizung",
			Email: "greta@gamma.test"}, inbox.MailPayload{From: "greta@gamma.test", Subject: "Heizung", Text: "Kalt."}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		reg, err := inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindRegistration, Title: "Registrierung",
			Email: "rita@rho.test"}, access.RegistrationPayload{FirstName: "Rita", LastName: "Rho", Email: "rita@rho.test",
			Company: "Rho KG", Language: "de"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		mpath, rpath := "/admin/inbox/"+id(mail), "/admin/inbox/"+id(reg)
		if r := kim.Post(mpath+"/done", nil); r.Status != 303 {
			t.Fatalf("kim done: %d", r.Status)
		}
		if r := kim.Post(rpath+"/reject", url.Values{"reason": {"Kein Kunde"}}); r.Status != 303 {
			t.Fatalf("kim reject: %d", r.Status)
		}
		it, _ := inbox.Get(ctx, d.env.DB, d.t.ID, mail)
		if it.Open() {
			t.Fatal("mail still open")
		}
		byKim := "Dieser Eintrag wurde bereits von kim@desk.test &lt;kim@desk.test&gt; am "
		for _, c := range []struct {
			what, path string
			form       url.Values
			typed      string
		}{
			{"attach abc", mpath + "/attach", url.Values{"ticket_id": {"abc"}}, "abc"},
			{"attach good", mpath + "/attach", url.Values{"ticket_id": {"#1"}}, "#1"},
			{"ticket without last name", mpath + "/ticket", url.Values{"company_id": {id(d.a.ID)}, "contact_id": {"new"},
				"first_name": {"Greta Maria"}, "last_name": {" "}}, "Greta Maria"},
			{"done", mpath + "/done", nil, ""},
			{"reject without reason", rpath + "/reject", url.Values{"reason": {" "}}, ""},
			{"reject", rpath + "/reject", url.Values{"reason": {"Leider nicht ähnlich genug"}}, "Leider nicht ähnlich genug"},
			{"approve without company", rpath + "/approve", url.Values{"company_id": {""}, "role": {"user"}}, ""},
			{"approve new without name", rpath + "/approve-new", url.Values{"company_name": {" "}, "role": {"user"}}, ""},
		} {
			r := agent.Post(c.path, c.form)
			if r.Status != 409 || !strings.Contains(r.Body, byKim) || !strings.Contains(r.Body, "Es wurde nichts geändert.") ||
				!strings.Contains(r.Body, `role="alert"`) {
				t.Errorf("%s: %d %q", c.what, r.Status, flashOf(r.Body))
			}
			if c.typed != "" && !strings.Contains(r.Body, html.EscapeString(c.typed)+"</blockquote>") {
				t.Errorf("%s: typed %q not kept", c.what, c.typed)
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, d.t.ID); n != 0 {
			t.Errorf("%d tickets made", n)
		}
		// Kim's own second click names Kim's earlier action.
		if r := kim.Post(mpath+"/attach", url.Values{"ticket_id": {"x"}}); r.Status != 409 ||
			!strings.Contains(r.Body, "Sie haben diesen Eintrag bereits am ") {
			t.Errorf("kim again: %d %q", r.Status, flashOf(r.Body))
		}
	})
}
