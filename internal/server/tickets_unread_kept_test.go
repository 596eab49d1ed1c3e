package server_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketUnreadKeptList: "New reply" stays right with the kept lists. The company's
// list and home panel are kept per list version (shared by its main contacts), and a
// read mark changes no list version: opening a ticket clears the reader's badge at once
// from a list answered from the cache, while another main contact reading the same
// kept list keeps theirs; a staff reply (a new list version) brings it back.
func TestTicketUnreadKeptList(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.env.Contact(h.ten, "max@acme.test", "max-password-1", "main", h.acme)
		anna, max := h.portal("anna@acme.test", "anna-password-1"), h.portal("max@acme.test", "max-password-1")
		bernd := h.portal("bernd@acme.test", "bernd-password-1")
		id := h.open(t, h.acme, h.bernd, "Drucker im 2. OG")
		version := func() int64 {
			t.Helper()
			var v int64
			if err := h.env.DB.QueryRow(context.Background(), `SELECT version FROM list_versions WHERE company_id = ?`, h.acme.ID).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		reply := func(body string) {
			t.Helper()
			if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "reply", "body": body}); r.Status != 303 {
				t.Fatalf("staff reply: %d", r.Status)
			}
		}
		// A colleague's new ticket, still in the status "New", carries that status and
		// no second "New ticket" badge; its opener has no news either.
		if portalNew(t, anna, "/tickets", "New ticket")[id] || portalNew(t, bernd, "/tickets", "Neue Antwort")[id] {
			t.Fatal("Bernd's new ticket: wrong badges")
		}
		anna.Get("/tickets/" + itoa64(id))
		max.Get("/tickets/" + itoa64(id))

		reply("Wir kommen morgen.")
		if !portalNew(t, anna, "/tickets", "New reply")[id] || !portalNew(t, max, "/tickets", "Neue Antwort")[id] ||
			!portalNew(t, bernd, "/tickets", "Neue Antwort")[id] {
			t.Fatal("staff reply: no New reply")
		}
		if !homeNew(t, anna)[itoa64(id)] || !homeNew(t, max)[itoa64(id)] {
			t.Fatal("staff reply: no New reply on the home page")
		}

		before, hits, misses := version(), listCacheCount(t, h.env, "hit"), listCacheCount(t, h.env, "miss")
		anna.Get("/tickets/" + itoa64(id))
		if version() != before {
			t.Fatal("opening a ticket changed the company's list version")
		}
		if portalNew(t, anna, "/tickets", "New reply")[id] || homeNew(t, anna)[itoa64(id)] {
			t.Error("New reply still shown after Anna opened the ticket")
		}
		if !portalNew(t, max, "/tickets", "Neue Antwort")[id] || !homeNew(t, max)[itoa64(id)] {
			t.Error("Max lost his New reply when Anna opened the ticket")
		}
		if got := listCacheCount(t, h.env, "hit"); got < hits+4 || listCacheCount(t, h.env, "miss") != misses {
			t.Errorf("lists not answered from the cache: hits %v → %v, misses %v → %v", hits, got, misses,
				listCacheCount(t, h.env, "miss"))
		}

		reply("Der Techniker ist unterwegs.")
		if version() == before {
			t.Fatal("a staff reply did not change the list version")
		}
		if !portalNew(t, anna, "/tickets", "New reply")[id] || !homeNew(t, anna)[itoa64(id)] {
			t.Error("second staff reply: no New reply for Anna")
		}
	})
}
