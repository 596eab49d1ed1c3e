package server_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// homeRowRE finds the ticket rows of the home page's "Your tickets": class (the mark of
// one waiting for the customer), number, title and the rest of the row.
var homeRowRE = regexp.MustCompile(`(?s)<li( class="waiting-on-you")?><a href="/tickets/(\d+)"><span class="ltr">#\d+</span> <bdi>([^<]*)</bdi></a>(.*?)</li>`)

type homeRow struct {
	id, title, rest string
	waiting         bool
}

// homeTickets fetches the home page and returns the panel's rows in order, failing
// when the panel (heading, link to the list) is missing.
func homeTickets(t *testing.T, c *apptest.Client) []homeRow {
	t.Helper()
	r := c.Get("/")
	if r.Status != 200 {
		t.Fatalf("home: %d", r.Status)
	}
	start := strings.Index(r.Body, `<section class="card home-tickets"`)
	if start < 0 || !strings.Contains(r.Body, `<h2 id="home-tickets-h">Ihre Tickets</h2>`) ||
		!strings.Contains(r.Body, `<a href="/tickets">Alle Tickets</a>`) {
		t.Fatalf("no ticket panel on the home page: %.3000s", r.Body)
	}
	panel := r.Body[start:]
	panel = panel[:strings.Index(panel, "</section>")]
	var out []homeRow
	for _, m := range homeRowRE.FindAllStringSubmatch(panel, -1) {
		out = append(out, homeRow{id: m[2], title: m[3], rest: m[4], waiting: m[1] != ""})
	}
	if strings.Count(panel, "<li") != len(out) {
		t.Fatalf("rows not understood: %s", panel)
	}
	return out
}

func titles(rows []homeRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.title)
	}
	return out
}

// TestHomeTickets: the home page's "Your tickets" shows exactly what the ticket list
// shows first. A main contact sees a colleague's ticket, a plain user only the ones
// they opened or follow, nobody another company's, no ticket in a status hidden from
// the portal and none resolved; at most five, newest activity first. Each row says who
// wrote last, or who opened a ticket nobody answered yet; a ticket staff answered last
// is badged as waiting for the customer (an internal note is no answer). Every change shows on the next visit, though the panel
// is kept between visits; without the helpdesk there is no panel.
func TestHomeTickets(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		alice, uwe, ula, bob := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1"),
			d.as("ula@alpha.test", "ula-password-1"), d.as("bob@beta.test", "bob-password-1")
		if rows := homeTickets(t, alice); len(rows) != 0 {
			t.Fatalf("rows before any ticket: %v", rows)
		}

		uwes := d.open(t, uwe, "Drucker von Uwe")
		ulas := d.open(t, ula, "VPN von Ula")
		d.open(t, bob, "Beta-Server")
		if got := titles(homeTickets(t, alice)); strings.Join(got, "|") != "VPN von Ula|Drucker von Uwe" {
			t.Errorf("main contact sees %q, want her colleagues' two, newest first", got)
		}
		if got := titles(homeTickets(t, uwe)); strings.Join(got, "|") != "Drucker von Uwe" {
			t.Errorf("user sees %q, want only his own", got)
		}
		if got := titles(homeTickets(t, bob)); strings.Join(got, "|") != "Beta-Server" {
			t.Errorf("other company's main contact sees %q", got)
		}

		// Who wrote last, as the reader sees it.
		// A ticket nobody answered yet says who opened it: there is no "last reply".
		rows := homeTickets(t, uwe)
		if !strings.Contains(rows[0].rest, "Von Ihnen eröffnet") || strings.Contains(rows[0].rest, "Letzte Antwort") ||
			!strings.Contains(rows[0].rest, `<time datetime="`) || rows[0].waiting {
			t.Errorf("own ticket's row: %+v", rows[0])
		}
		if rows := homeTickets(t, alice); !strings.Contains(rows[1].rest, "Eröffnet von Test uwe@alpha.test") {
			t.Errorf("colleague's ticket's row: %+v", rows[1])
		}

		// The panel is kept between visits, and a change behind the portal's back (plain
		// SQL, as another instance would write) shows on the next one.
		hits := listCacheCount(t, d.env, "hit")
		homeTickets(t, alice)
		if got := listCacheCount(t, d.env, "hit"); got < hits+1 {
			t.Errorf("home page's panel not kept: hits %v → %v", hits, got)
		}
		for _, title := range []string{"VPN im Büro", "VPN von Ula"} {
			if _, err := d.env.DB.Exec(ctx, `UPDATE tickets SET title = ? WHERE id = ?`, title, ulas); err != nil {
				t.Fatal(err)
			}
			if got := titles(homeTickets(t, alice)); got[0] != title {
				t.Errorf("after a title change to %q: %q", title, got)
			}
		}

		// Staff answer Uwe: his ticket waits for him, and says so in words.
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		if r := agent.PostMultipart("/admin/tickets/"+itoa64(uwes)+"/reply", map[string]string{"body": "Bitte Modell nennen."}); r.Status != 303 {
			t.Fatalf("staff reply: %d %.300s", r.Status, r.Body)
		}
		rows = homeTickets(t, uwe)
		if !rows[0].waiting || !strings.Contains(rows[0].rest, "Ihre Antwort ist gefragt") || !strings.Contains(rows[0].rest, "Letzte Antwort vom Support") {
			t.Errorf("answered ticket not waiting for the customer: %+v", rows[0])
		}
		// A following internal note changes nothing the customer reads.
		if r := agent.PostMultipart("/admin/tickets/"+itoa64(uwes)+"/reply", map[string]string{"body": "Intern: Toner?", "kind": "note"}); r.Status != 303 {
			t.Fatalf("internal note: %d %.300s", r.Status, r.Body)
		}
		if rows = homeTickets(t, uwe); !rows[0].waiting || strings.Contains(rows[0].rest, "Intern") {
			t.Errorf("after an internal note: %+v", rows[0])
		}
		// In the status "waiting for your reply" the status says it; the row keeps its mark.
		if r := agent.Post("/admin/tickets/"+itoa64(uwes)+"/status", map[string][]string{"status": {itoa64(statusID(t, d.env, d.t.ID, ticket.CodeWaiting))}}); r.Status != 303 {
			t.Fatalf("waiting status: %d", r.Status)
		}
		if rows = homeTickets(t, uwe); !rows[0].waiting || strings.Contains(rows[0].rest, "Ihre Antwort ist gefragt") ||
			strings.Count(rows[0].rest, "Wartet auf Ihre Antwort") != 1 {
			t.Errorf("in the waiting status: %+v", rows[0])
		}
		// Uwe answers: no longer waiting for him.
		if r := uwe.PostMultipart("/tickets/"+itoa64(uwes)+"/reply", map[string]string{"body": "HP 4250."}); r.Status != 303 {
			t.Fatalf("contact reply: %d %.300s", r.Status, r.Body)
		}
		if rows = homeTickets(t, uwe); rows[0].waiting || !strings.Contains(rows[0].rest, "Letzte Antwort von Ihnen") {
			t.Errorf("after the customer's answer: %+v", rows[0])
		}

		// Following makes a colleague's ticket Uwe's too; unfollowing takes it away.
		if r := alice.Post("/tickets/"+itoa64(ulas)+"/followers", map[string][]string{"contact_id": {itoa64(d.uwe)}}); r.Status != 303 {
			t.Fatalf("add follower: %d", r.Status)
		}
		// (Which comes first depends on whether Uwe's answer fell into a later second.)
		if got := titles(homeTickets(t, uwe)); !slices.Contains(got, "VPN von Ula") || !slices.Contains(got, "Drucker von Uwe") || len(got) != 2 {
			t.Errorf("user following a colleague's ticket sees %q", got)
		}

		// A status hidden from the portal hides the ticket here as on the list.
		hidden, err := ticket.SaveStatus(ctx, d.env.DB, d.t.ID, ticket.Status{Name: "Klärung intern", Kind: ticket.KindOpen,
			Position: 10, PortalVisible: false, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if r := agent.Post("/admin/tickets/"+itoa64(ulas)+"/status", map[string][]string{"status": {itoa64(hidden)}}); r.Status != 303 {
			t.Fatalf("hidden status: %d", r.Status)
		}
		for _, c := range []*apptest.Client{alice, uwe, ula} {
			for _, row := range homeTickets(t, c) {
				if row.id == itoa64(ulas) {
					t.Errorf("ticket in a hidden status on the home page: %+v", row)
				}
			}
		}
		// Resolved tickets leave the panel.
		if r := uwe.Post("/tickets/"+itoa64(uwes)+"/close", nil); r.Status != 303 {
			t.Fatalf("close: %d", r.Status)
		}
		if rows := homeTickets(t, uwe); len(rows) != 0 {
			t.Errorf("closed ticket still on the home page: %v", rows)
		}

		// At most five, the newest activity first.
		for _, title := range []string{"Eins", "Zwei", "Drei", "Vier", "Fünf", "Sechs", "Sieben"} {
			d.open(t, ula, title)
		}
		if got := titles(homeTickets(t, alice)); strings.Join(got, "|") != "Sieben|Sechs|Fünf|Vier|Drei" {
			t.Errorf("main contact's five: %q", got)
		}
		if got := titles(homeTickets(t, uwe)); len(got) != 0 {
			t.Errorf("user sees colleagues' tickets: %q", got)
		}
		if got := titles(homeTickets(t, bob)); strings.Join(got, "|") != "Beta-Server" {
			t.Errorf("other company's main contact sees %q", got)
		}

		// A ticket staff opened for Uwe was opened for him, and asks him nothing yet.
		if err := d.env.DB.InTx(ctx, func(tx *db.Tx) error {
			_, err := ticket.Create(ctx, tx, ticket.New{TenantID: d.t.ID, CompanyID: d.a.ID, ContactID: d.uwe, StaffID: d.admin.ID,
				Author: "Agent", Title: "Anruf von Uwe", Body: "Drucker druckt leer."}, time.Now())
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if rows := homeTickets(t, uwe); len(rows) != 1 || !strings.Contains(rows[0].rest, "Vom Support für Sie eröffnet") ||
			rows[0].waiting || strings.Contains(rows[0].rest, "Ihre Antwort ist gefragt") {
			t.Errorf("ticket staff opened for the reader: %+v", rows)
		}

		// Without the helpdesk, no panel (and no query for it).
		if err := tenant.SetModules(ctx, d.env.DB, d.t.ID, []string{"knowledge"}); err != nil {
			t.Fatal(err)
		}
		d.env.App.Env.ForgetTenants()
		if r := alice.Get("/"); r.Status != 200 || strings.Contains(r.Body, "home-tickets") {
			t.Errorf("panel without the helpdesk: %d %v", r.Status, strings.Contains(r.Body, "home-tickets"))
		}
	})
}
