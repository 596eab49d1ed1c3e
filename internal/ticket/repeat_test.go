package ticket_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// post adds r to ticket id at `at` and mails it as the handlers do (a public message
// only), in one transaction: a refused one leaves nothing behind. loaded, when set,
// runs once the ticket is read, before the message is added.
func (w *notifyWorld) post(id int64, r ticket.Reply, at time.Time, loaded ...func()) error {
	ctx := context.Background()
	return w.d.InTx(ctx, func(tx *db.Tx) error {
		tk, err := ticket.ForStaff(ctx, tx, w.ten.ID, id)
		if err != nil {
			return err
		}
		for _, f := range loaded {
			f()
		}
		if _, err := ticket.AddReply(ctx, tx, tk, r, at); err != nil {
			return err
		}
		if r.Internal {
			return nil
		}
		n, err := ticket.NewNotifier(ctx, tx, w.ten, w.origin, at)
		if err != nil {
			return err
		}
		return n.Replied(ctx, tx, tk, r.Body, ticket.Actor{ContactID: r.ContactID, StaffID: r.StaffID, Name: r.Author})
	})
}

// counts are the ticket's messages and the tenant's queued mails.
func (w *notifyWorld) counts(t *testing.T, id int64) (msgs, mails int) {
	t.Helper()
	ctx := context.Background()
	if err := w.d.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?`, id).Scan(&msgs); err != nil {
		t.Fatal(err)
	}
	if err := w.d.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE tenant_id = ?`, w.ten.ID).Scan(&mails); err != nil {
		t.Fatal(err)
	}
	return msgs, mails
}

// TestRepeatedReply: a message its author sent a moment ago, sent again with the same
// text and visibility, is refused as ErrRepeated: one message, one mail. Everything
// else is a new message: another text, the same text after two minutes or after
// another message of the author, a note with a reply's words, a copy with a file, a
// mail (deduplicated by Message-ID on arrival instead, and no form), and another
// author's.
func TestRepeatedReply(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newNotifyWorld(t, d, true)
		tk := w.create(t, w.anna, nil, "Heating cold")
		maria := func(body string) ticket.Reply {
			return ticket.Reply{StaffID: w.maria.ID, Author: w.maria.Name, Body: body, Via: "staff", FromForm: true}
		}
		anna := ticket.Reply{ContactID: w.anna, Author: "Anna Müller", Body: "Still cold.", FromForm: true}
		at := w.now.Add(time.Minute)
		step := func(what string, r ticket.Reply, at time.Time, repeated bool) {
			t.Helper()
			msgs, mails := w.counts(t, tk.ID)
			err := w.post(tk.ID, r, at)
			var re *ticket.RepeatedError
			switch {
			case repeated && (!errors.As(err, &re) || re.TicketID != tk.ID || !errors.Is(err, ticket.ErrRepeated)):
				t.Fatalf("%s: %v, want ErrRepeated naming ticket %d", what, err, tk.ID)
			case !repeated && err != nil:
				t.Fatalf("%s: %v", what, err)
			}
			m, n := w.counts(t, tk.ID)
			switch {
			case repeated && (m != msgs || n != mails):
				t.Fatalf("%s: %d messages, %d mails after a repeat, want %d, %d", what, m, n, msgs, mails)
			case !repeated && m != msgs+1:
				t.Fatalf("%s: %d messages, want %d", what, m, msgs+1)
			}
		}
		w.mailsTo(t, "anna@mueller.test") // the confirmation of her ticket
		step("Maria's reply", maria("Did bleeding the radiator help?"), at, false)
		step("the same reply 30 s later", maria("Did bleeding the radiator help?"), at.Add(30*time.Second), true)
		step("the same reply 2 minutes later", maria("Did bleeding the radiator help?"), at.Add(2*time.Minute), true)
		w.one(t, "anna@mueller.test", "Maria's reply sent three times")
		step("another text", maria("Or is the valve stuck?"), at.Add(time.Second), false)
		note := maria("Or is the valve stuck?")
		note.Internal = true
		step("a note with the reply's words", note, at.Add(2*time.Second), false)
		step("the note again", note, at.Add(3*time.Second), true)
		// The reply's words again: her latest message is the note, so this is new.
		step("the reply's words after the note", maria("Or is the valve stuck?"), at.Add(4*time.Second), false)
		step("the same after more than 2 minutes", maria("Or is the valve stuck?"), at.Add(4*time.Second+2*time.Minute+time.Second), false)

		step("Anna's reply", anna, at.Add(5*time.Minute), false)
		step("Anna's reply again", anna, at.Add(5*time.Minute+10*time.Second), true)
		withFile := anna
		withFile.Files = []ticket.Upload{{Stored: filestore.Stored{Key: "k-photo", Size: 3, Type: "image/png"}, Filename: "photo.png"}}
		step("Anna's reply again with a photo", withFile, at.Add(5*time.Minute+20*time.Second), false)
		byMail := anna // inbound mail, deduplicated by Message-ID on arrival instead
		byMail.Via, byMail.MailID, byMail.FromForm = "email", "<again@mueller.test>", false
		step("Anna's reply by mail", byMail, at.Add(5*time.Minute+30*time.Second), false)
		step("Anna's reply by mail again", byMail, at.Add(5*time.Minute+35*time.Second), false)
		step("Maria with Anna's words", maria("Still cold."), at.Add(5*time.Minute+40*time.Second), false)
	})
}

// TestRepeatedTicket: a contact's new ticket sent again (same company, title and
// description) within two minutes is refused naming the first; another description, a
// copy with a file, a later one, one staff open for the contact and one a program
// writes (not from a form) are new tickets. Staff's sent again is refused naming theirs.
func TestRepeatedTicket(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newNotifyWorld(t, d, true)
		open := func(n ticket.New, at time.Time) (int64, error) {
			var id int64
			err := d.InTx(ctx, func(tx *db.Tx) (err error) {
				id, err = ticket.Create(ctx, tx, n, at)
				return err
			})
			return id, err
		}
		n := ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.anna, Author: "Anna Müller",
			Title: "Heating cold", Body: "The heating is cold.", FromForm: true}
		first, err := open(n, w.now)
		if err != nil {
			t.Fatal(err)
		}
		_, err = open(n, w.now.Add(90*time.Second))
		var re *ticket.RepeatedError
		if !errors.As(err, &re) || re.TicketID != first {
			t.Fatalf("the same ticket again: %v, want a repeat of %d", err, first)
		}
		other := n
		other.Body = "The heating is cold. Since Monday."
		withFile := n
		withFile.Files = []ticket.Upload{{Stored: filestore.Stored{Key: "k-photo", Size: 3, Type: "image/png"}, Filename: "photo.png"}}
		byStaff := n
		byStaff.StaffID, byStaff.Author, byStaff.Via = w.maria.ID, w.maria.Name, "staff"
		byProgram := n // a seed or an import, not a person at a form
		byProgram.FromForm = false
		for _, c := range []struct {
			what string
			n    ticket.New
			at   time.Time
		}{{"another description", other, w.now.Add(time.Second)}, {"staff's", byStaff, w.now.Add(2 * time.Second)},
			{"after two minutes", n, w.now.Add(2*time.Minute + time.Second)},
			{"with a file, a moment after that", withFile, w.now.Add(2*time.Minute + 2*time.Second)},
			{"a program's, a moment after that", byProgram, w.now.Add(2*time.Minute + 3*time.Second)}} {
			if id, err := open(c.n, c.at); err != nil || id == first {
				t.Fatalf("%s: ticket %d, %v", c.what, id, err)
			}
		}
		// Staff's ticket sent again is a repeat of staff's, not of Anna's.
		if _, err := open(byStaff, w.now.Add(time.Minute)); !errors.As(err, &re) || re.TicketID == first {
			t.Fatalf("staff's ticket again: %v, want a repeat of staff's", err)
		}
		var count int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, w.ten.ID).Scan(&count); err != nil || count != 6 {
			t.Fatalf("%d tickets, want 6: %v", count, err)
		}
	})
}

// TestRepeatedReplyAtOnce: the same reply sent by several requests at the same moment
// is stored once. On PostgreSQL all of them have read the ticket, none has looked for
// the message yet, before any goes on: each locks the ticket before it looks, so each
// but the first finds the first's. SQLite's single writer runs them in turn.
func TestRepeatedReplyAtOnce(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newNotifyWorld(t, d, true)
		tk := w.create(t, w.anna, nil, "Heating cold")
		msgs, _ := w.counts(t, tk.ID)
		r := ticket.Reply{ContactID: w.anna, Author: "Anna Müller", Body: "Still cold, sorry.", FromForm: true}
		const copies = 4
		errs := make([]error, copies)
		var wg, read sync.WaitGroup
		read.Add(copies)
		together := func() { // wait until every copy has read the ticket
			read.Done()
			read.Wait()
		}
		if d.Engine() != db.Postgres {
			together = func() {}
		}
		for i := range copies {
			wg.Go(func() { errs[i] = w.post(tk.ID, r, w.now.Add(time.Minute), together) })
		}
		wg.Wait()
		stored := 0
		for _, err := range errs {
			switch {
			case err == nil:
				stored++
			case !errors.Is(err, ticket.ErrRepeated):
				t.Fatal(err)
			}
		}
		if m, _ := w.counts(t, tk.ID); stored != 1 || m != msgs+1 {
			t.Fatalf("%d copies stored, %d messages; want 1 and %d", stored, m, msgs+1)
		}
	})
}

// TestRepeatedTicketAtOnce: the same new ticket sent by several requests at the same
// moment opens one ticket, a contact's as one staff open for them; on PostgreSQL each
// locks its author before it looks.
func TestRepeatedTicketAtOnce(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newNotifyWorld(t, d, true)
		anna := ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.anna, Author: "Anna Müller",
			Title: "Heating cold", Body: "The heating is cold.", FromForm: true}
		byStaff := anna
		byStaff.StaffID, byStaff.Author, byStaff.Via = w.maria.ID, w.maria.Name, "staff"
		for want, n := range []ticket.New{anna, byStaff} {
			const copies = 4
			errs := make([]error, copies)
			var wg, begun sync.WaitGroup
			begun.Add(copies)
			for i := range copies {
				wg.Go(func() {
					errs[i] = d.InTx(ctx, func(tx *db.Tx) error {
						if d.Engine() == db.Postgres { // every copy's transaction has begun
							if _, err := ticket.ForStaff(ctx, tx, w.ten.ID, -1); !errors.Is(err, db.ErrNotFound) {
								return err
							}
							begun.Done()
							begun.Wait()
						}
						_, err := ticket.Create(ctx, tx, n, w.now)
						return err
					})
				})
			}
			wg.Wait()
			opened := 0
			for _, err := range errs {
				switch {
				case err == nil:
					opened++
				case !errors.Is(err, ticket.ErrRepeated):
					t.Fatal(err)
				}
			}
			var count int
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, w.ten.ID).Scan(&count); err != nil || opened != 1 || count != want+1 {
				t.Fatalf("%s: %d copies opened a ticket, %d tickets (%v); want 1 and %d", n.Author, opened, count, err, want+1)
			}
		}
	})
}
