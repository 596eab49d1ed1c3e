package ticket_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// convWorld is a company's two tickets for the conversation search: "Drucker" holds
// the words in its description, a public staff reply with a delivery note attached and
// an internal note; "VPN" holds none of them. Another company of the tenant and another
// tenant each have a ticket with the description's words.
type convWorld struct {
	*deskWorld
	printer, vpn, sibling int64
}

func newConvWorld(t *testing.T, d *db.DB) convWorld {
	t.Helper()
	ctx := context.Background()
	t0 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	w := convWorld{deskWorld: newDeskWorld(t, d, "conv", t0)}
	other := newDeskWorld(t, d, "elsewhere", t0)
	sib, err := company.Create(ctx, d, company.Company{TenantID: w.ten.ID, Name: "Sibling"}, t0)
	if err != nil {
		t.Fatal(err)
	}
	mk := func(ten, co, ct int64, title, body string) int64 {
		id, err := ticket.Create(ctx, d, ticket.New{TenantID: ten, CompanyID: co, ContactID: ct, Author: "Anna", Title: title, Body: body}, t0)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	w.printer = mk(w.ten.ID, w.co, w.ct, "Drucker", "Die Störung zeigt Fehler E-4711 seit Montag.")
	w.vpn = mk(w.ten.ID, w.co, w.ct, "VPN langsam", "Seit gestern sehr langsam.")
	w.sibling = mk(w.ten.ID, sib.ID, 0, "Anderes", "Auch hier Fehler E-4711.")
	mk(other.ten.ID, other.co, other.ct, "Fremd", "Fehler E-4711 und zebrafink beim Nachbarn.")
	tk := w.get(t, w.printer)
	reply := ticket.Reply{TenantID: w.ten.ID, TicketID: w.printer, StaffID: w.agent.StaffID, Author: w.agent.Name,
		Body:  "Bitte schicken Sie uns die Rechnung.",
		Files: []ticket.Upload{{Stored: filestore.Stored{Key: "k1", Type: "application/pdf", Size: 3}, Filename: "Lieferschein_2026.pdf"}}}
	if _, err := ticket.AddReply(ctx, d, tk, reply, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	note := ticket.Reply{TenantID: w.ten.ID, TicketID: w.printer, StaffID: w.agent.StaffID, Author: w.agent.Name,
		Internal: true, Body: "Intern: Kunde nennt es zebrafink."}
	if _, err := ticket.AddReply(ctx, d, w.get(t, w.printer), note, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	return w
}

// checkSearches runs every search in the portal (the main contact) and the staff queue,
// both ways of searching the conversation, and compares the tickets found.
func (w convWorld) checkSearches(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	p := principal.Contact{TenantID: w.ten.ID, ContactID: w.ct, CompanyID: w.co, Role: principal.RoleMain}
	for _, c := range []struct {
		q             string
		portal, staff []int64
		match         string // in the first ticket's Match on the staff list; "-": none
	}{
		{"4711", []int64{w.printer}, []int64{w.printer, w.sibling}, ""},
		{"e-4711", []int64{w.printer}, []int64{w.printer, w.sibling}, ""},
		{"Störung", []int64{w.printer}, []int64{w.printer}, ""},
		{"stoerung", []int64{w.printer}, []int64{w.printer}, "Die <mark>Störung</mark> zeigt"},
		{"STÖR", nil, nil, ""}, // whole words only: "stör" is not "Störung"
		{"rechnung schicken", []int64{w.printer}, []int64{w.printer}, "<mark>schicken</mark> Sie uns die <mark>Rechnung</mark>."},
		{"lieferschein", []int64{w.printer}, []int64{w.printer}, "📎 <mark>Lieferschein</mark>_2026.pdf"}, // a file's name
		{"drucker montag", []int64{w.printer}, []int64{w.printer}, "seit <mark>Montag</mark>."},          // subject and description
		{"zebrafink", nil, []int64{w.printer}, "Kunde nennt es <mark>zebrafink</mark>."},                 // an internal note: staff only
		{"rechnung zebrafink", nil, []int64{w.printer}, ""},                                              // words of two messages, one internal: staff only
		{"störung rechnung", []int64{w.printer}, []int64{w.printer}, "Die <mark>Störung</mark> zeigt"},   // two public messages
		{"störung langsam", nil, nil, ""},               // words of two tickets
		{"langsam", []int64{w.vpn}, []int64{w.vpn}, ""}, // title and text
		{"vpn", []int64{w.vpn}, []int64{w.vpn}, "-"},    // the title only
		{"fe", nil, nil, ""},                            // too short for the conversation
		{"#4711", nil, nil, ""},                         // a ticket number only
		{"# 4711", nil, nil, ""},                        // as typed with a space
		{"nirgendwo", nil, nil, ""},
	} {
		f := ticket.Filter{State: "all", Query: c.q, Sort: "oldest"}
		got, _, err := ticket.ListForContact(ctx, w.d, p, f)
		if err != nil {
			t.Fatal(err)
		}
		staffGot, _, err := ticket.Queue(ctx, w.d, w.ten.ID, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range got {
			if strings.Contains(string(tk.Match), "zebrafink") || strings.Contains(string(tk.Match), "Intern") {
				t.Errorf("portal %q: the match shows an internal note: %s", c.q, tk.Match)
			}
		}
		if c.match == "-" && len(staffGot) > 0 && staffGot[0].Match != "" {
			t.Errorf("staff %q: the subject matched, yet a piece of the text is shown: %s", c.q, staffGot[0].Match)
		}
		if want := c.match; want != "" && want != "-" && (len(staffGot) == 0 || !strings.Contains(string(staffGot[0].Match), want)) {
			t.Errorf("staff %q: match %v, want it to hold %q", c.q, staffGot, want)
		}
		if !slices.Equal(ids(got), c.portal) {
			t.Errorf("portal %q: %v, want %v", c.q, ids(got), c.portal)
		}
		if !slices.Equal(ids(staffGot), c.staff) {
			t.Errorf("staff %q: %v, want %v", c.q, ids(staffGot), c.staff)
		}
	}
}

// TestConversationSearch: the portal's and the staff's ticket lists find tickets by the
// words of their messages and files (whole words, by either spelling), the portal
// never by an internal note, nobody by another company's or tenant's messages.
func TestConversationSearch(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		newConvWorld(t, d).checkSearches(t)
	})
}

// TestIndexOlderMessages: messages written before the index existed are indexed by
// IndexOlder (two instances at once index each exactly once) and found afterwards.
func TestIndexOlderMessages(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newConvWorld(t, d)
		// As migration 00064 leaves an older database: nothing indexed, the boundary above.
		clear := `DELETE FROM ticket_messages_search`
		if d.Engine() == db.Postgres {
			clear = `UPDATE ticket_messages SET search_tsv = NULL`
		}
		if _, err := d.Exec(ctx, clear); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE search_refreshed SET version = (SELECT MAX(id) + 1 FROM ticket_messages)
			WHERE name = 'ticket_messages_below'`); err != nil {
			t.Fatal(err)
		}
		p := principal.Contact{TenantID: w.ten.ID, ContactID: w.ct, CompanyID: w.co, Role: principal.RoleMain}
		if got, _, err := ticket.ListForContact(ctx, d, p, ticket.Filter{State: "all", Query: "rechnung"}); err != nil || len(got) != 0 {
			t.Fatalf("before indexing: %v, %v", ids(got), err)
		}
		restore := ticket.SetBackfillBatch(2) // several batches, raced by two instances
		defer restore()
		var wg sync.WaitGroup
		counts := make([]int, 2)
		for i := range counts {
			wg.Go(func() {
				n, err := ticket.IndexOlder(ctx, d)
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			})
		}
		wg.Wait()
		var messages int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_messages`).Scan(&messages); err != nil {
			t.Fatal(err)
		}
		if counts[0]+counts[1] != messages {
			t.Errorf("indexed %v, want %d in all", counts, messages)
		}
		count := `SELECT COUNT(*) FROM ticket_messages_search`
		if d.Engine() == db.Postgres {
			count = `SELECT COUNT(*) FROM ticket_messages WHERE search_tsv IS NOT NULL`
		}
		var entries int
		if err := d.QueryRow(ctx, count).Scan(&entries); err != nil {
			t.Fatal(err)
		}
		if entries != messages {
			t.Errorf("%d index entries for %d messages", entries, messages)
		}
		if n, err := ticket.IndexOlder(ctx, d); err != nil || n != 0 {
			t.Errorf("second run indexed %d, %v", n, err)
		}
		w.checkSearches(t)
	})
}

// TestConversationSearchCapped: a search whose words more messages hold than it reads
// lists the tickets of the newest matches and says so.
func TestConversationSearchCapped(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newConvWorld(t, d)
		ctx := context.Background()
		for _, max := range []int{1, 100} {
			restore := ticket.SetMaxMatches(max)
			var report ticket.SearchReport
			got, _, err := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{State: "all", Query: "4711", Sort: "oldest", Report: &report})
			restore()
			if err != nil {
				t.Fatal(err)
			}
			want, capped := []int64{w.printer, w.sibling}, false
			if max == 1 {
				want, capped = []int64{w.sibling}, true // the newest message holding it
			}
			if !slices.Equal(ids(got), want) || report.Capped != capped {
				t.Errorf("at most %d: %v capped %v, want %v capped %v", max, ids(got), report.Capped, want, capped)
			}
		}
	})
}

// TestConversationSearchScopeWordInText: a text or file name that carries a scope's word
// (a private-use character and a company's id, which a stranger's mail can hold and
// which lands as an internal note) does not put an internal note into the company's
// portal search; words too long for the index are left out without failing.
func TestConversationSearchScopeWordInText(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newConvWorld(t, d)
		ctx := context.Background()
		mark := "\ue000c" + strconv.FormatInt(w.co, 10)
		note := ticket.Reply{TenantID: w.ten.ID, TicketID: w.vpn, StaffID: w.agent.StaffID, Author: w.agent.Name, Internal: true,
			Body:  "geheimwort Marge 40% " + mark + " " + strings.Repeat("ü", 300),
			Files: []ticket.Upload{{Stored: filestore.Stored{Key: "k2", Type: "text/plain", Size: 1}, Filename: "x " + mark + " geheimdatei.txt"}}}
		if _, err := ticket.AddReply(ctx, d, w.get(t, w.vpn), note, w.t0.Add(3*time.Hour)); err != nil {
			t.Fatal(err)
		}
		huge := ticket.Reply{TenantID: w.ten.ID, TicketID: w.vpn, StaffID: w.agent.StaffID, Author: w.agent.Name, Internal: true,
			Body: manyWords(12000)}
		if _, err := ticket.AddReply(ctx, d, w.get(t, w.vpn), huge, w.t0.Add(4*time.Hour)); err != nil {
			t.Fatal(err) // PostgreSQL refuses a tsvector over 1 MB
		}
		p := principal.Contact{TenantID: w.ten.ID, ContactID: w.ct, CompanyID: w.co, Role: principal.RoleMain}
		for _, q := range []string{"geheimwort", "geheimdatei", "marge"} {
			got, _, err := ticket.ListForContact(ctx, d, p, ticket.Filter{State: "all", Query: q})
			if err != nil || len(got) != 0 {
				t.Errorf("portal %q: %v %v", q, ids(got), err)
			}
			staff, _, err := ticket.Queue(ctx, d, w.ten.ID, ticket.Filter{State: "all", Query: q})
			if err != nil || !slices.Equal(ids(staff), []int64{w.vpn}) {
				t.Errorf("staff %q: %v %v", q, ids(staff), err)
			}
		}
	})
}

// manyWords are n distinct long words with umlauts: more than a tsvector holds (1 MB)
// with their folded spellings.
func manyWords(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s%05d ", strings.Repeat("ü", 40), i)
	}
	return b.String()
}
