package server_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// homeTileRE finds the home page's tiles in order.
var homeTileRE = regexp.MustCompile(`<a class="tile" href="([^"]+)">`)

// homeTiles returns where the home page's tiles lead, in order, and whether the ticket
// panel offers "New ticket".
func homeTiles(t *testing.T, c *apptest.Client) (tiles []string, newTicket bool) {
	t.Helper()
	r := c.Get("/")
	if r.Status != 200 {
		t.Fatalf("home: %d", r.Status)
	}
	for _, m := range homeTileRE.FindAllStringSubmatch(r.Body, -1) {
		tiles = append(tiles, m[1])
	}
	return tiles, strings.Contains(r.Body, `<a class="btn primary small" href="/tickets/new">Neues Ticket</a>`)
}

// TestHomeNewTicketAndTiles: "New ticket" is on the home page whether or not the
// contact has tickets (before, only a contact without any got it), and never without
// the helpdesk; the tiles put the modules first, then company, colleagues (main
// contacts only), account and settings.
func TestHomeNewTicketAndTiles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice, uwe := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")
		company := "/companies/" + itoa64(d.a.ID)
		if _, ok := homeTiles(t, uwe); !ok {
			t.Error("no New ticket without tickets")
		}
		d.open(t, uwe, "Drucker")
		for who, c := range map[string]*apptest.Client{"main contact": alice, "user": uwe} {
			tiles, ok := homeTiles(t, c)
			if !ok || len(homeTickets(t, c)) != 1 {
				t.Errorf("%s with a ticket: New ticket %v", who, ok)
			}
			want := "/tickets|/kb|/downloads|" + company + "|/colleagues|/account|/settings"
			if c == uwe {
				want = "/tickets|/kb|/downloads|" + company + "|/account|/settings"
			}
			if got := strings.Join(tiles, "|"); got != want {
				t.Errorf("%s's tiles %s, want %s", who, got, want)
			}
		}
		if err := tenant.SetModules(context.Background(), d.env.DB, d.t.ID, []string{"knowledge"}); err != nil {
			t.Fatal(err)
		}
		d.env.App.Env.ForgetTenants()
		tiles, ok := homeTiles(t, alice)
		if ok || strings.Contains(strings.Join(tiles, "|"), "/tickets") {
			t.Errorf("without the helpdesk: New ticket %v, tiles %v", ok, tiles)
		}
		if got := strings.Join(tiles, "|"); got != "/kb|"+company+"|/colleagues|/account|/settings" {
			t.Errorf("tiles without the helpdesk: %s", got)
		}
	})
}

// TestHomeWaitingFirst: tickets waiting for the customer (a status of kind waiting)
// head "Your tickets", however many tickets had newer activity, newest waiting one
// first; the others fill the five places by activity. For a main contact (the
// company's list) and a user (their own tickets) alike.
func TestHomeWaitingFirst(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		alice, uwe := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		waiting := itoa64(statusID(t, d.env, d.t.ID, ticket.CodeWaiting))
		older, old := d.open(t, uwe, "Wartet länger"), d.open(t, uwe, "Wartet")
		for i, id := range []int64{older, old} {
			if r := agent.Post("/admin/tickets/"+itoa64(id)+"/status", map[string][]string{"status": {waiting}}); r.Status != 303 {
				t.Fatalf("waiting status: %d", r.Status)
			}
			// An hour (two) ago, so that every ticket opened below is newer.
			if _, err := d.env.DB.Exec(ctx, `UPDATE tickets SET portal_at = ? WHERE id = ?`, time.Now().Add(-time.Duration(2-i)*time.Hour).Unix(), id); err != nil {
				t.Fatal(err)
			}
		}
		for _, title := range []string{"Eins", "Zwei", "Drei", "Vier", "Fünf", "Sechs"} {
			d.open(t, uwe, title)
		}
		for who, c := range map[string]*apptest.Client{"main contact": alice, "user": uwe} {
			rows := homeTickets(t, c)
			if got := strings.Join(titles(rows), "|"); got != "Wartet|Wartet länger|Sechs|Fünf|Vier" {
				t.Errorf("%s's tickets: %s", who, got)
			}
			if n := strings.Count(strings.Join(titles(rows), "|"), "Wartet"); n != 2 || strings.Count(rows[0].rest, "Wartet auf Ihre Antwort") != 1 {
				t.Errorf("%s: waiting rows %d, first %+v", who, n, rows[0])
			}
		}
		// Five waiting tickets fill the list by themselves, the newest waiting first.
		for _, title := range []string{"Eins", "Zwei", "Drei"} {
			var id int64
			if err := d.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = ?`, title).Scan(&id); err != nil {
				t.Fatal(err)
			}
			if r := agent.Post("/admin/tickets/"+itoa64(id)+"/status", map[string][]string{"status": {waiting}}); r.Status != 303 {
				t.Fatalf("waiting status: %d", r.Status)
			}
		}
		rows := titles(homeTickets(t, alice))
		if len(rows) != 5 || strings.Join(rows[3:], "|") != "Wartet|Wartet länger" {
			t.Errorf("five waiting: %q", rows)
		}
		for _, r := range rows {
			if r == "Sechs" || r == "Fünf" {
				t.Errorf("an open ticket among five waiting ones: %q", rows)
			}
		}
	})
}

// TestHomeNewTicketBadge: a ticket nobody answered yet, which the reader never opened,
// is badged "New ticket" in the list and on the home page, not "New reply" — unless it
// is still in the status "New", whose badge says it already (one badge, not two);
// once it has a reply, or the reader has opened it and a reply follows, it is "New
// reply".
func TestHomeNewTicketBadge(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		alice, uwe := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")
		const fresh, reply = `<span class="badge news">Neues Ticket</span>`, `<span class="badge news">Neue Antwort</span>`
		badge := func(c *apptest.Client, id int64) (list, home string) {
			t.Helper()
			r := c.Get("/tickets")
			for _, m := range portalRowRE.FindAllStringSubmatch(r.Body, -1) {
				if m[1] == itoa64(id) {
					list = m[3]
				}
			}
			for _, row := range homeTicketsAny(t, c) {
				if row.id == itoa64(id) {
					switch {
					case strings.Contains(row.rest, fresh):
						home = "Neues Ticket"
					case strings.Contains(row.rest, reply):
						home = "Neue Antwort"
					}
				}
			}
			return list, home
		}
		expect := func(step string, c *apptest.Client, id int64, want string) {
			t.Helper()
			if list, home := badge(c, id); list != want || home != want {
				t.Errorf("%s: list %q, home %q, want %q", step, list, home, want)
			}
		}
		id := d.open(t, uwe, "Drucker")
		expect("colleague's new ticket in the status New", alice, id, "")
		expect("own new ticket", uwe, id, "")
		if !strings.Contains(alice.Get("/tickets").Body, `">Neu</span></td>`) {
			t.Errorf("the colleague's new ticket has no status badge New")
		}
		// Staff moved it on without answering: nothing says "new" but the badge.
		if err := d.env.DB.InTx(ctx, func(tx *db.Tx) error {
			tk, err := ticket.ForStaff(ctx, tx, d.t.ID, id)
			if err != nil {
				return err
			}
			st, err := ticket.StatusByCode(ctx, tx, d.t.ID, ticket.CodeProgress)
			if err != nil {
				return err
			}
			_, err = ticket.SetStatus(ctx, tx, tk, st.ID, ticket.Actor{Name: "Agent"}, time.Now())
			return err
		}); err != nil {
			t.Fatal(err)
		}
		expect("colleague's new ticket in progress", alice, id, "Neues Ticket")

		// Staff answer: a reply now, for both.
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		if r := agent.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"body": "Welches Modell?"}); r.Status != 303 {
			t.Fatalf("staff reply: %d", r.Status)
		}
		expect("after staff's reply", alice, id, "Neue Antwort")
		expect("after staff's reply", uwe, id, "Neue Antwort")

		// Opened, then a new ticket that Alice opens before anyone answers: no badge;
		// the colleague's reply after that is a reply.
		other := d.open(t, uwe, "Scanner")
		alice.Get("/tickets/" + itoa64(other))
		expect("opened by the reader", alice, other, "")
		if r := uwe.PostMultipart("/tickets/"+itoa64(other)+"/reply", map[string]string{"body": "Noch da?"}); r.Status != 303 {
			t.Fatalf("uwe's reply: %d", r.Status)
		}
		expect("colleague's reply to a read ticket", alice, other, "Neue Antwort")

		// A ticket staff opened for Uwe is new for him as a ticket.
		var byStaff int64
		if err := d.env.DB.InTx(ctx, func(tx *db.Tx) error {
			var err error
			byStaff, err = ticket.Create(ctx, tx, ticket.New{TenantID: d.t.ID, CompanyID: d.a.ID, ContactID: d.uwe, StaffID: d.admin.ID,
				Author: "Agent", Title: "Anruf von Uwe", Body: "Drucker druckt leer."}, time.Now())
			return err
		}); err != nil {
			t.Fatal(err)
		}
		expect("opened by staff (accepted: no status New)", uwe, byStaff, "Neues Ticket")
	})
}
