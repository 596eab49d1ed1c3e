package server_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestKeptFilesTwoTabs: Alice begins two new tickets in two tabs and both are refused
// for an empty title, each keeping its own file; the second refusal leaves the first
// tab's file kept. Each tab then sends its ticket with a title, in either order: each
// ticket carries its own file, none says a listed file was not sent, and nothing stays
// kept. The same goes for two refused replies to one ticket.
func TestKeptFilesTwoTabs(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		alice := k.as("alice@alpha.test", "alice-password")
		form := func(title string, staged []string) url.Values {
			return url.Values{"title": {title}, "body": {"Der Drucker druckt nur leere Seiten."}, "priority": {"2"}, "staged": staged}
		}
		refused := func(path string, f url.Values, name string) []string {
			t.Helper()
			file := k.pdfFile(name)
			if strings.HasSuffix(name, ".png") {
				file = k.pngFile(name)
			}
			r := alice.PostMultipartValues(path, f, file)
			ids := keptListed(r.Body)
			if r.Status != 422 || len(ids) != 1 {
				t.Fatalf("%s refused: %d, listed %v", name, r.Status, ids)
			}
			return ids
		}
		tabA := refused("/tickets", form("", nil), "tab-a.pdf")
		tabB := refused("/tickets", form("", nil), "tab-b.png")
		if k.rows(t, "id = ?", tabA[0]) != 1 || k.rows(t, "contact_id = ? AND ticket_id IS NULL", k.alice) != 2 {
			t.Fatalf("the second tab's refusal dropped the first tab's kept file")
		}
		keyA, keyB := k.keyOf(t, tabA[0]), k.keyOf(t, tabB[0])
		sent := func(r string, id int64, key, name string) {
			t.Helper()
			if page := alice.Get(r).Body; strings.Contains(page, "nicht gesendet") {
				t.Fatalf("%s: the page says a listed file was not sent", name)
			}
			if names, uses := k.attached(t, id, key); !slices.Equal(names, []string{name}) || uses != 1 {
				t.Fatalf("ticket %d carries %v (%d uses), want %s", id, names, uses, name)
			}
		}
		// The second tab first, then the first.
		rb := alice.PostMultipartValues("/tickets", form("Drucker im Flur", tabB))
		sent(rb.Location, k.created(t, rb), keyB, "tab-b.png")
		ra := alice.PostMultipartValues("/tickets", form("Drucker im Büro", tabA))
		sent(ra.Location, k.created(t, ra), keyA, "tab-a.pdf")
		if n := k.rows(t, "1 = 1"); n != 0 {
			t.Fatalf("%d kept files left", n)
		}

		// Two refused replies to one ticket (too long), each with its file.
		id := k.open(t, alice, "Anderes Ticket")
		path := "/tickets/" + itoa64(id) + "/reply"
		replyA := refused(path, url.Values{"body": {tooLongReply}}, "antwort-a.pdf")
		replyB := refused(path, url.Values{"body": {tooLongReply}}, "antwort-b.pdf")
		keyA, keyB = k.keyOf(t, replyA[0]), k.keyOf(t, replyB[0])
		for _, s := range []struct {
			ids  []string
			body string
		}{{replyA, "Antwort A"}, {replyB, "Antwort B"}} {
			if r := alice.PostMultipartValues(path, url.Values{"body": {s.body}, "staged": s.ids}); r.Status != 303 ||
				strings.Contains(alice.Get(r.Location).Body, "nicht gesendet") {
				t.Fatalf("%s: %d, or a listed file was not sent", s.body, r.Status)
			}
		}
		if names, _ := k.attached(t, id, keyA); !slices.Equal(names, []string{"antwort-a.pdf", "antwort-b.pdf"}) {
			t.Fatalf("the ticket carries %v", names)
		}
		if _, uses := k.attached(t, id, keyB); uses != 1 {
			t.Fatalf("the second reply's file is attached %d times", uses)
		}
	})
}
