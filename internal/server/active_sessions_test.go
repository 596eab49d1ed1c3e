package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestActiveSessions: a contact sees where they are signed in — this browser marked,
// no button for it — signs out one other session and then all others; each ended
// session is gone at once, the current one stays, and the security events say so.
// Another contact's session and the current one are a 404. Staff do the same on My
// account, and a colleague cannot end an admin's session.
func TestActiveSessions(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		clients := []*apptest.Client{d.as("alice@alpha.test", "alice-password"), d.as("alice@alpha.test", "alice-password"),
			d.as("alice@alpha.test", "alice-password")}
		ids := sessionIDs(t, d.env, `contact_id = ?`, d.alice)
		if len(ids) != 3 {
			t.Fatalf("alice has %d sessions", len(ids))
		}
		me := clients[0]
		page := me.Get("/account").Body
		if !strings.Contains(page, "Wo Sie angemeldet sind") || strings.Count(page, ">Dieser Browser<") != 1 || strings.Index(page, ">Dieser Browser<") > strings.Index(page, "/account/sessions/"+id(ids[2])+"/end") ||
			strings.Contains(page, `action="/account/sessions/`+id(ids[0])+`/end"`) ||
			!strings.Contains(page, `action="/account/sessions/`+id(ids[1])+`/end"`) || !strings.Contains(page, "Überall sonst abmelden") {
			t.Fatalf("account page's sessions:\n%s", page)
		}

		// Not the current one, not someone else's.
		if r := me.Post("/account/sessions/"+id(ids[0])+"/end", nil); r.Status != 404 {
			t.Errorf("ending the current session: %d", r.Status)
		}
		bob := d.as("bob@beta.test", "bob-password-1")
		if r := bob.Post("/account/sessions/"+id(ids[1])+"/end", nil); r.Status != 404 {
			t.Errorf("bob ended alice's session: %d", r.Status)
		}
		if r := clients[1].Get("/account"); r.Status != 200 {
			t.Fatalf("a refused end ended the session: %d", r.Status)
		}

		r := me.Post("/account/sessions/"+id(ids[1])+"/end", nil)
		if r.Status != 303 || r.Location != "/account#sessions" {
			t.Fatalf("end one: %d %q", r.Status, r.Location)
		}
		if b := me.Get("/account").Body; !strings.Contains(b, "1 Sitzung abgemeldet.") {
			t.Errorf("no notice after ending a session")
		}
		if r := clients[1].Get("/account"); r.Status != 303 {
			t.Errorf("the ended session still works: %d", r.Status)
		}
		if r := clients[2].Get("/account"); r.Status != 200 {
			t.Errorf("another session ended too: %d", r.Status)
		}
		if r := me.Post("/account/sessions/others/end", nil); r.Status != 303 {
			t.Fatalf("end others: %d", r.Status)
		}
		if r := clients[2].Get("/account"); r.Status != 303 {
			t.Errorf("'everywhere else' left a session: %d", r.Status)
		}
		b := me.Get("/account").Body
		if !strings.Contains(b, ">Dieser Browser<") || strings.Contains(b, "Überall sonst abmelden") ||
			strings.Count(b, "Andere Sitzungen abgemeldet") != 2 {
			t.Errorf("after ending the others:\n%s", b)
		}

		// A staff preview of alice is staff's session: not listed, not ended by her.
		viewer := d.env.Client("desk.test")
		viewer.AdminLogin("agent@desk.test", "agent-password")
		if r := viewer.Post("/admin/contacts/"+id(d.alice)+"/preview", url.Values{"company_id": {id(d.a.ID)}}); r.Status != 303 {
			t.Fatalf("start preview: %d", r.Status)
		}
		if b := me.Get("/account").Body; strings.Contains(b, `/end"`) {
			t.Errorf("alice's list offers to end the staff preview")
		}
		if r := me.Post("/account/sessions/others/end", nil); r.Status != 303 {
			t.Fatalf("end others again: %d", r.Status)
		}
		if b := me.Get("/account").Body; !strings.Contains(b, "Es war keine andere Sitzung angemeldet.") {
			t.Errorf("ending no session says otherwise")
		}
		var previews int
		d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM sessions WHERE preview_by IS NOT NULL`).Scan(&previews)
		if previews != 1 {
			t.Errorf("alice ended the staff preview (%d left)", previews)
		}

		// Staff: the same on My account; a colleague cannot end an admin's session.
		d.env.DB.Exec(ctx, `DELETE FROM sessions WHERE staff_id = ?`, d.admin.ID) // the viewer's
		admin1, admin2 := d.env.Client("desk.test"), d.env.Client("desk.test")
		admin1.AdminLogin("agent@desk.test", "agent-password")
		admin2.AdminLogin("agent@desk.test", "agent-password")
		staffIDs := sessionIDs(t, d.env, `staff_id = ?`, d.admin.ID)
		if b := admin1.Get("/admin/account").Body; !strings.Contains(b, `action="/admin/account/sessions/`+id(staffIDs[1])+`/end"`) {
			t.Fatalf("My account lists no other session")
		}
		d.env.Staff(d.t, "agent", "kollege@desk.test", "kollege-password")
		colleague := d.env.Client("desk.test")
		colleague.AdminLogin("kollege@desk.test", "kollege-password")
		if r := colleague.Post("/admin/account/sessions/"+id(staffIDs[1])+"/end", nil); r.Status != 404 {
			t.Errorf("a colleague ended the admin's session: %d", r.Status)
		}
		if r := admin1.Post("/admin/account/sessions/"+id(staffIDs[1])+"/end", nil); r.Status != 303 {
			t.Fatalf("staff end one: %d", r.Status)
		}
		if r := admin2.Get("/admin/account"); r.Status != 303 {
			t.Errorf("the ended staff session still works: %d", r.Status)
		}
		var logged int
		d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'sessions_ended' AND tenant_id = ?`, d.t.ID).Scan(&logged)
		if logged != 3 {
			t.Errorf("%d audit entries, want 3", logged)
		}
	})
}

// sessionIDs lists the ids of the sessions matching cond (one argument), oldest first.
func sessionIDs(t *testing.T, env *apptest.Env, cond string, arg int64) []int64 {
	t.Helper()
	rows, err := env.DB.Query(context.Background(), `SELECT id FROM sessions WHERE `+cond+` ORDER BY id`, arg)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}
