package ticket_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// mergeWorld is a tenant with two companies, three contacts of Acme and one of Beta.
type mergeWorld struct {
	d                 *db.DB
	ten               tenant.Tenant
	acme, beta        int64
	anna, bernd, carl int64 // Acme: anna opens the target, bernd the source, carl follows the source
	t0                time.Time
}

func newMergeWorld(t *testing.T, d *db.DB) *mergeWorld {
	t.Helper()
	ctx, now := context.Background(), time.Now().Add(-time.Hour).Truncate(time.Second)
	w := &mergeWorld{d: d, t0: now}
	var err error
	if w.ten, err = tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, now); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		id   *int64
		name string
	}{{&w.acme, "Acme"}, {&w.beta, "Beta"}} {
		co, err := company.Create(ctx, d, company.Company{TenantID: w.ten.ID, Name: p.name}, now)
		if err != nil {
			t.Fatal(err)
		}
		*p.id = co.ID
	}
	for _, p := range []struct {
		id   *int64
		name string
	}{{&w.anna, "anna"}, {&w.bernd, "bernd"}, {&w.carl, "carl"}} {
		c, err := contact.Create(ctx, d, contact.Contact{TenantID: w.ten.ID, FirstName: p.name, LastName: "X",
			Email: p.name + "@acme.test"}, nil, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := contact.AddMembership(ctx, d, w.ten.ID, c.ID, w.acme, "user", now); err != nil {
			t.Fatal(err)
		}
		*p.id = c.ID
	}
	if _, err := d.Exec(ctx, `UPDATE memberships SET access = 'active' WHERE tenant_id = ?`, w.ten.ID); err != nil {
		t.Fatal(err)
	}
	return w
}

// open creates a ticket of company co opened by contact at minute m after t0.
func (w *mergeWorld) open(t *testing.T, co, contactID int64, title string, m int, files ...string) ticket.Ticket {
	t.Helper()
	var ups []ticket.Upload
	for _, f := range files {
		ups = append(ups, ticket.Upload{Stored: filestore.Stored{Key: "k-" + f, Type: "text/plain", Size: 3}, Filename: f})
	}
	id, err := ticket.Create(context.Background(), w.d, ticket.New{TenantID: w.ten.ID, CompanyID: co, ContactID: contactID,
		Author: "C", Title: title, Body: title + " first", Files: ups}, w.at(m))
	if err != nil {
		t.Fatal(err)
	}
	return w.get(t, id)
}

func (w *mergeWorld) at(m int) time.Time { return w.t0.Add(time.Duration(m) * time.Minute) }

func (w *mergeWorld) get(t *testing.T, id int64) ticket.Ticket {
	t.Helper()
	tk, err := ticket.ForStaff(context.Background(), w.d, w.ten.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// reply adds a staff reply or note at minute m.
func (w *mergeWorld) reply(t *testing.T, tk ticket.Ticket, body string, internal bool, m int, files ...string) {
	t.Helper()
	r := ticket.Reply{Author: "Staff", Body: body, Internal: internal}
	for _, f := range files {
		r.Files = append(r.Files, ticket.Upload{Stored: filestore.Stored{Key: "k-" + f, Type: "text/plain", Size: 3}, Filename: f})
	}
	if _, err := ticket.AddReply(context.Background(), w.d, w.get(t, tk.ID), r, w.at(m)); err != nil {
		t.Fatal(err)
	}
}

func (w *mergeWorld) merge(source, target ticket.Ticket, m int) error {
	return w.d.InTx(context.Background(), func(tx *db.Tx) error {
		return ticket.Merge(context.Background(), tx, source, target, ticket.Actor{Name: "Agent"}, w.at(m))
	})
}

// TestMerge: the source's messages (notes still internal), files and people move into
// the target in the order they were written; the source is closed and points to the
// target; both histories tell it; the search index follows.
func TestMerge(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newMergeWorld(t, d)
		target := w.open(t, w.acme, w.anna, "Printer jams", 0, "t.txt")
		source := w.open(t, w.acme, w.bernd, "Drucker streikt wieder", 1, "s.txt")
		if err := ticket.Follow(ctx, d, source, w.carl, "bernd", w.bernd, 0, w.at(1)); err != nil {
			t.Fatal(err)
		}
		// Stored before the source's messages but written after them (ids and times
		// need not agree: a mail is stored with the time it was received).
		w.reply(t, target, "target answer", false, 5)
		w.reply(t, source, "source note", true, 3, "note.txt")
		w.reply(t, source, "source answer", false, 4, "answer.txt")

		source, target = w.get(t, source.ID), w.get(t, target.ID)
		if err := w.merge(source, target, 10); err != nil {
			t.Fatal(err)
		}
		staff, err := ticket.Load(ctx, d, w.get(t, target.ID), true)
		if err != nil {
			t.Fatal(err)
		}
		want := "[Printer jams first:t.txt Drucker streikt wieder first:s.txt source note(internal):note.txt source answer:answer.txt target answer:]"
		if got := conv(staff.Messages); got != want {
			t.Errorf("target conversation for staff:\n%s\nwant\n%s", got, want)
		}
		portal, err := ticket.Load(ctx, d, w.get(t, target.ID), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := conv(portal.Messages); got != "[Printer jams first:t.txt Drucker streikt wieder first:s.txt source answer:answer.txt target answer:]" {
			t.Errorf("target conversation for contacts: %s", got)
		}
		for _, m := range staff.Messages {
			for _, f := range m.Files {
				_, err := ticket.AttachmentOf(ctx, d, staff.Ticket, f.ID, false)
				if m.Internal != errors.Is(err, db.ErrNotFound) {
					t.Errorf("file %s of the target for contacts: %v (internal %v)", f.Filename, err, m.Internal)
				}
			}
		}
		var followers []int64
		for _, f := range staff.Followers {
			followers = append(followers, f.ContactID)
		}
		if slices.Sort(followers); !slices.Equal(followers, []int64{w.bernd, w.carl}) {
			t.Errorf("target followers %v, want bernd %d and carl %d (not the opener anna)", followers, w.bernd, w.carl)
		}
		if e := staff.Events[len(staff.Events)-1]; e.Kind != "merged_from" || e.Note != fmt.Sprint(source.ID) || e.Actor != "Agent" {
			t.Errorf("target's last event: %+v", e)
		}

		src, err := ticket.Load(ctx, d, w.get(t, source.ID), true)
		if err != nil {
			t.Fatal(err)
		}
		if src.MergedInto != target.ID || src.Status.Kind != ticket.KindClosed || len(src.Messages) != 0 {
			t.Errorf("source after merge: merged into %d, status %s, %d messages", src.MergedInto, src.Status.Kind, len(src.Messages))
		}
		if e := src.Events[len(src.Events)-1]; e.Kind != "merged" || e.Note != fmt.Sprint(target.ID) || e.To.Kind != ticket.KindClosed {
			t.Errorf("source's last event: %+v", e)
		}
		if len(src.Followers) != 1 || src.Followers[0].ContactID != w.carl {
			t.Errorf("source followers %+v: carl should keep following it, so old links work", src.Followers)
		}
		var n int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ?`, source.ID).Scan(&n)
		if n != 0 {
			t.Errorf("%d attachments left on the source", n)
		}

		// The index: the target is found by the source's words, in the open queue too.
		if d.Engine() == db.SQLite {
			if _, err := d.Exec(ctx, `INSERT INTO tickets_search (tickets_search) VALUES ('integrity-check')`); err != nil {
				t.Errorf("search index: %v", err)
			}
		}
		for _, f := range []ticket.Filter{{Query: "streikt"}, {Query: "streikt", State: "all"}, {Query: "printer", State: "all"}} {
			for _, common := range []int{1, 1 << 30} {
				restore := ticket.SetCommonAt(common)
				list, _, err := ticket.Queue(ctx, d, w.ten.ID, f)
				restore()
				if err != nil {
					t.Fatal(err)
				}
				want := []int64{target.ID}
				if f.Query == "streikt" && f.State == "all" {
					want = []int64{source.ID, target.ID}
				}
				if got := ids(list); !slices.Equal(sorted(got), sorted(want)) {
					t.Errorf("queue %+v (commonAt %d): %v, want %v", f, common, got, want)
				}
			}
		}
	})
}

// TestMergeRules: same ticket, another company or tenant (the same "not found"),
// merged and billed tickets are refused; a merged ticket takes no more changes; a
// merge racing another finds the rows changed and fails; Current follows a chain.
func TestMergeRules(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newMergeWorld(t, d)
		a := w.open(t, w.acme, w.anna, "A", 0)
		b := w.open(t, w.acme, w.bernd, "B", 1)
		c := w.open(t, w.acme, w.bernd, "C", 2)
		billed := w.open(t, w.acme, w.anna, "Billed", 3)
		beta := w.open(t, w.beta, 0, "Beta's", 4)
		other, err := tenant.Create(ctx, d, "Other", "de", tenant.Modules, w.t0)
		if err != nil {
			t.Fatal(err)
		}
		oco, err := company.Create(ctx, d, company.Company{TenantID: other.ID, Name: "Acme"}, w.t0)
		if err != nil {
			t.Fatal(err)
		}
		foreign, err := ticket.Create(ctx, d, ticket.New{TenantID: other.ID, CompanyID: oco.ID, Author: "x", Title: "F", Body: "f"}, w.t0)
		if err != nil {
			t.Fatal(err)
		}
		if err := ticket.SetBilled(ctx, d, billed, true, ticket.Actor{Name: "x"}, w.at(5)); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			target int64
			want   error
		}{{a.ID, ticket.ErrMergeSame}, {beta.ID, db.ErrNotFound}, {foreign, db.ErrNotFound}, {999999, db.ErrNotFound},
			{billed.ID, ticket.ErrBilled}, {b.ID, nil}} {
			if _, err := ticket.MergeTarget(ctx, d, a, c.target); !errors.Is(err, c.want) && (c.want != nil || err != nil) {
				t.Errorf("merge into %d: %v, want %v", c.target, err, c.want)
			}
		}
		if _, err := ticket.MergeTarget(ctx, d, w.get(t, billed.ID), a.ID); !errors.Is(err, ticket.ErrBilled) {
			t.Errorf("billed source: %v", err)
		}
		if err := w.merge(a, b, 10); err != nil {
			t.Fatal(err)
		}
		// a is stale now (MergedInto 0): the guarded update refuses it all the same.
		if err := w.merge(a, c, 11); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("second merge of a stale source: %v", err)
		}
		if err := w.merge(c, a, 11); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("merge into a merged ticket with a stale target: %v", err)
		}
		merged := w.get(t, a.ID)
		if _, err := ticket.MergeTarget(ctx, d, c, merged.ID); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("merged target: %v", err)
		}
		if _, err := ticket.MergeTarget(ctx, d, merged, c.ID); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("merged source: %v", err)
		}
		by := ticket.Actor{Name: "x"}
		if _, err := ticket.AddReply(ctx, d, merged, ticket.Reply{Author: "C", ContactID: w.anna, Body: "late"}, w.at(12)); !errors.Is(err, ticket.ErrClosed) {
			t.Errorf("contact reply to merged: %v", err)
		}
		if _, err := ticket.AddReply(ctx, d, merged, ticket.Reply{Author: "S", StaffID: 1, Body: "late", Internal: true}, w.at(12)); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("staff note on merged: %v", err)
		}
		if err := ticket.Reopen(ctx, d, merged, true, ticket.Actor{StaffID: 1, Name: "x"}, w.at(12)); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("reopen merged: %v", err)
		}
		open, _ := ticket.StatusByCode(ctx, d, w.ten.ID, ticket.CodeProgress)
		if _, err := ticket.SetStatus(ctx, d, merged, open.ID, by, w.at(12)); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("status of merged: %v", err)
		}
		if err := ticket.Decide(ctx, d, merged, true, "", by, w.at(12)); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("decide merged: %v", err)
		}
		if err := ticket.SetDetails(ctx, d, merged, ticket.PriorityUrgent, merged.CategoryID, by, w.at(12)); !errors.Is(err, ticket.ErrMerged) {
			t.Errorf("priority of merged: %v", err)
		}
		// A chain: b goes into c later; mail for a lands in c.
		if err := w.merge(w.get(t, b.ID), w.get(t, c.ID), 13); err != nil {
			t.Fatal(err)
		}
		if cur, err := ticket.Current(ctx, d, w.get(t, a.ID)); err != nil || cur.ID != c.ID {
			t.Errorf("current of a: %d %v, want %d", cur.ID, err, c.ID)
		}
		if conv := loadStaff(t, d, w, c.ID); len(conv) != 3 {
			t.Errorf("c holds %d messages, want a's, b's and its own", len(conv))
		}
	})
}

func loadStaff(t *testing.T, d *db.DB, w *mergeWorld, id int64) []ticket.Message {
	t.Helper()
	dt, err := ticket.Load(context.Background(), d, w.get(t, id), true)
	if err != nil {
		t.Fatal(err)
	}
	return dt.Messages
}

// conv writes a conversation as "body(internal):file,…" per message.
func conv(ms []ticket.Message) string {
	var out []string
	for _, m := range ms {
		s := m.Body
		if m.Internal {
			s += "(internal)"
		}
		s += ":"
		for i, f := range m.Files {
			if i > 0 {
				s += ","
			}
			s += f.Filename
		}
		out = append(out, s)
	}
	return fmt.Sprint(out)
}

func sorted(s []int64) []int64 { slices.Sort(s); return s }
