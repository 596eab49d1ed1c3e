package ticket_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestNews: every message counts for staff, public ones for contacts, each with its
// author, all within one second (counts, not times, decide); a reader's mark is the
// count of the ticket as loaded, so a message written after the load stays new; a
// contact cannot mark another company's ticket; MarkUnread looks only at tickets that
// can be new.
func TestNews(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		w := newReadWorld(t, d, now)
		ten, other, ct, a, b, anna, id := w.ten, w.other, w.ct, w.a, w.b, w.anna, w.id
		load := func() ticket.Ticket { return w.load(t, d) }
		reply := func(r ticket.Reply) {
			t.Helper()
			if _, err := ticket.AddReply(ctx, d, load(), r, now); err != nil {
				t.Fatal(err)
			}
		}
		check := func(step string, staffNews, portalNews ticket.News) {
			t.Helper()
			tk := load()
			if tk.StaffNews != staffNews || tk.PortalNews != portalNews {
				t.Errorf("%s: news %+v / %+v, want %+v / %+v", step, tk.StaffNews, tk.PortalNews, staffNews, portalNews)
			}
		}
		check("opened", ticket.News{Count: 1}, ticket.News{Count: 1, By: ct.ID})

		seenByA := load() // A opens the page: the ticket is loaded, then its conversation
		reply(ticket.Reply{StaffID: b.ID, Author: "B", Internal: true, Body: "note"})
		check("B's note", ticket.News{Count: 2, By: b.ID}, ticket.News{Count: 1, By: ct.ID})
		if err := ticket.MarkReadByStaff(ctx, d, seenByA, a.ID, now); err != nil {
			t.Fatal(err)
		}
		reply(ticket.Reply{StaffID: a.ID, Author: "A", Body: "answer"})
		check("A's answer", ticket.News{Count: 3, By: a.ID}, ticket.News{Count: 2})

		list := []ticket.Ticket{load()}
		if err := ticket.MarkUnread(ctx, d, ten.ID, a.ID, list); err != nil || list[0].Unread {
			t.Errorf("A's own answer is new for A: %v %v", list[0].Unread, err)
		}
		if err := ticket.MarkUnread(ctx, d, ten.ID, b.ID, list); err != nil || !list[0].Unread {
			t.Errorf("A's answer is not new for B: %v %v", list[0].Unread, err)
		}
		if err := ticket.MarkReadByStaff(ctx, d, load(), b.ID, now); err != nil {
			t.Fatal(err)
		}
		if err := ticket.MarkUnread(ctx, d, ten.ID, b.ID, list); err != nil || list[0].Unread {
			t.Errorf("new for B after B read it: %v %v", list[0].Unread, err)
		}
		// An older page finishing later does not lower the mark.
		if err := ticket.MarkReadByStaff(ctx, d, seenByA, b.ID, now); err != nil {
			t.Fatal(err)
		}
		if err := ticket.MarkUnread(ctx, d, ten.ID, b.ID, list); err != nil || list[0].Unread {
			t.Errorf("an older page lowered B's mark: %v %v", list[0].Unread, err)
		}

		seen, err := ticket.SeenByContact(ctx, d, anna, []int64{id})
		if err != nil || seen[id] != 0 || !load().PortalNews.For(ct.ID, seen[id]) {
			t.Fatalf("A's public answer is not new for Anna: %v %v", seen, err)
		}
		if err := ticket.MarkReadByContact(ctx, d, load(), anna, now); err != nil {
			t.Fatal(err)
		}
		if seen, err = ticket.SeenByContact(ctx, d, anna, []int64{id}); err != nil || load().PortalNews.For(ct.ID, seen[id]) {
			t.Fatalf("new for Anna after she read it: %v %v", seen, err)
		}
		elsewhere := anna
		elsewhere.CompanyID = other.ID
		if err := ticket.MarkReadByContact(ctx, d, load(), elsewhere, now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("mark of another company's ticket: %v", err)
		}
	})
}
