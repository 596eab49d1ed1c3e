package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestReadMarksAndListVersion (migration 00047): a contact's read-mark count rises
// with every write of one of their marks and only then (the portal keeps their marks
// while it stands), and a ticket's update moves its company's list version only when
// something the portal's lists show changes — an internal note, a mass update of
// other columns or a column set to what it was move nothing; a public answer and a
// new title do.
func TestReadMarksAndListVersion(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		w := newReadWorld(t, d, now)
		ten, co, ct, a, anna, id := w.ten, w.co, w.ct, w.a, w.anna, w.id
		load := func() ticket.Ticket { return w.load(t, d) }
		scalar := func(q string, args ...any) int64 {
			t.Helper()
			var v int64
			if err := d.QueryRow(ctx, q, args...).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		version := func() int64 { return scalar(`SELECT version FROM list_versions WHERE company_id = ?`, co.ID) }
		marks := func() int64 { return scalar(`SELECT read_marks FROM contacts WHERE id = ?`, ct.ID) }
		reply := func(internal bool) {
			t.Helper()
			if _, err := ticket.AddReply(ctx, d, load(), ticket.Reply{StaffID: a.ID, Author: "A", Internal: internal, Body: "text", Via: "staff"}, now); err != nil {
				t.Fatal(err)
			}
		}
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := d.Exec(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}

		v := version()
		reply(true)
		exec(`UPDATE tickets SET sla_counted_before = sla_counted_before + 1, news = news WHERE tenant_id = ?`, ten.ID)
		exec(`UPDATE tickets SET title = title, status_id = status_id, portal_at = portal_at WHERE id = ?`, id)
		if got := version(); got != v {
			t.Errorf("list version moved from %d to %d without a change the lists show", v, got)
		}
		reply(false)
		if got := version(); got <= v {
			t.Fatalf("a public answer left the list version at %d", got)
		}
		v = version()
		exec(`UPDATE tickets SET title = 'Printer on floor 2' WHERE id = ?`, id)
		if got := version(); got <= v {
			t.Fatalf("a new title left the list version at %d", got)
		}

		m := marks()
		if err := ticket.MarkReadByContact(ctx, d, load(), anna, now); err != nil {
			t.Fatal(err)
		}
		if got := marks(); got != m+1 {
			t.Fatalf("read marks %d after a mark, want %d", got, m+1)
		}
		if err := ticket.MarkReadByContact(ctx, d, load(), anna, now); err != nil { // nothing new: no write
			t.Fatal(err)
		}
		reply(false)
		if got := marks(); got != m+1 {
			t.Fatalf("read marks %d without a new mark, want %d", got, m+1)
		}
		if err := ticket.MarkReadByContact(ctx, d, load(), anna, now); err != nil { // raises the mark
			t.Fatal(err)
		}
		if got := marks(); got != m+2 {
			t.Fatalf("read marks %d after a raised mark, want %d", got, m+2)
		}
	})
}
