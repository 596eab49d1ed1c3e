package server_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketListKept proves the kept (cached) ticket lists never show a stale list:
// every kind of write that changes what a list shows is made behind the portal's back
// (plain SQL or the store, as another instance or the ERP would), and the next list
// request shows it. The metrics prove the lists are kept at all.
func TestTicketListKept(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		alice, uwe, ula := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1"), d.as("ula@alpha.test", "ula-password-1")
		id := d.open(t, uwe, "Drucker druckt nicht")
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := d.env.DB.Exec(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		shows := func(c *apptest.Client, path, want string) bool {
			t.Helper()
			r := c.Get(path)
			if r.Status != 200 {
				t.Fatalf("%s: %d", path, r.Status)
			}
			return strings.Contains(r.Body, want)
		}
		// Each list is asked twice before a change, so the change meets a kept list.
		warm := func(c *apptest.Client, path string) { c.Get(path); c.Get(path) }

		hits := listCacheCount(t, d.env, "hit")
		warm(alice, "/tickets")
		if got := listCacheCount(t, d.env, "hit"); got < hits+1 {
			t.Fatalf("second request not answered from the kept list: hits %v → %v", hits, got)
		}

		// A title changed in the database.
		exec(`UPDATE tickets SET title = 'Drucker im 2. OG' WHERE id = ?`, id)
		if !shows(alice, "/tickets", "Drucker im 2. OG") || !shows(uwe, "/tickets", "Drucker im 2. OG") {
			t.Fatal("title change not shown")
		}

		// A ticket added by someone else (another company's ticket does not count).
		other := d.open(t, d.as("bob@beta.test", "bob-password-1"), "Beta-Server")
		warm(alice, "/tickets")
		if shows(alice, "/tickets", "Beta-Server") {
			t.Fatal("another company's ticket listed")
		}
		exec(`UPDATE tickets SET company_id = ? WHERE id = ?`, d.a.ID, other)
		if !shows(alice, "/tickets", "Beta-Server") {
			t.Fatal("ticket moved into the company not shown")
		}
		exec(`DELETE FROM tickets WHERE id = ?`, other)
		if shows(alice, "/tickets", "Beta-Server") {
			t.Fatal("deleted ticket still listed")
		}

		// A status change moves it out of the open list and into the done one.
		warm(alice, "/tickets?state=done")
		resolved, _ := ticket.StatusByCode(ctx, d.env.DB, d.t.ID, ticket.CodeResolved)
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.SetStatus(ctx, tx, tk, resolved.ID, staffActor, now())
			return err
		})
		if shows(alice, "/tickets", "Drucker im 2. OG") || !shows(alice, "/tickets?state=done", "Drucker im 2. OG") {
			t.Fatal("status change not shown")
		}

		// Following and unfollowing change a user's list.
		warm(ula, "/tickets?state=all")
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			return ticket.Follow(ctx, tx, tk, d.ula, "Agent", 0, 0, now())
		})
		if !shows(ula, "/tickets?state=all", "Drucker im 2. OG") {
			t.Fatal("followed ticket not listed")
		}
		exec(`DELETE FROM ticket_followers WHERE ticket_id = ? AND contact_id = ?`, id, d.ula)
		if shows(ula, "/tickets?state=all", "Drucker im 2. OG") {
			t.Fatal("unfollowed ticket still listed")
		}

		// The opener's name, a status's name and its visibility in the portal.
		warm(alice, "/tickets?state=all")
		exec(`UPDATE contacts SET first_name = 'Uwe-Kurt' WHERE id = ?`, d.uwe)
		if !shows(alice, "/tickets?state=all", "Uwe-Kurt") {
			t.Fatal("renamed opener not shown")
		}
		exec(`UPDATE ticket_statuses SET name = 'Erledigt (geprüft)' WHERE id = ?`, resolved.ID)
		if !shows(alice, "/tickets?state=all", "Erledigt (geprüft)") {
			t.Fatal("renamed status not shown")
		}
		exec(`UPDATE ticket_statuses SET portal_visible = ? WHERE id = ?`, false, resolved.ID)
		if shows(alice, "/tickets?state=all", "Drucker im 2. OG") {
			t.Fatal("ticket of a hidden status still listed")
		}

		// A company with tickets can still be deleted: its tickets' triggers do not bring
		// its version back (nor fail on it).
		d.open(t, d.as("bob@beta.test", "bob-password-1"), "Letztes Beta-Ticket")
		exec(`DELETE FROM companies WHERE id = ?`, d.b.ID)
		if n := count(t, d.env, `SELECT COUNT(*) FROM list_versions WHERE company_id = `+strconv.FormatInt(d.b.ID, 10)); n != 0 {
			t.Fatalf("deleted company keeps %d list versions", n)
		}

		// A kept list is one company's and one scope's: the user never gets the main
		// contact's list, even right after it was kept.
		n := d.open(t, alice, "Nur für Alice")
		warm(alice, "/tickets")
		if shows(uwe, "/tickets", "Nur für Alice") || !shows(alice, "/tickets", "Nur für Alice") {
			t.Fatalf("scopes mixed (ticket %d)", n)
		}
	})
}

// listCacheCount reads pforte_list_cache_total{result} from /metrics.
func listCacheCount(t *testing.T, env *apptest.Env, result string) float64 {
	t.Helper()
	r := env.Client("desk.test").Get("/metrics")
	m := regexp.MustCompile(`pforte_list_cache_total\{result="` + result + `"\} (\S+)`).FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatalf("no list cache metric: %.300s", r.Body)
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
