package ticket_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestConversationFiles: each message carries its own attachments in order, a message
// with several files appears once, and an internal note's files reach staff only.
func TestConversationFiles(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten, err := tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		co, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Acme"}, now)
		if err != nil {
			t.Fatal(err)
		}
		file := func(name string) ticket.Upload {
			return ticket.Upload{Stored: filestore.Stored{Key: "k-" + name, Type: "text/plain", Size: 3}, Filename: name}
		}
		id, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, Author: "Staff",
			Title: "Printer", Body: "first", Files: []ticket.Upload{file("a.txt"), file("b.txt")}}, now)
		if err != nil {
			t.Fatal(err)
		}
		tk, err := ticket.ForStaff(ctx, d, ten.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []ticket.Reply{
			{Body: "no files"},
			{Body: "note", Internal: true, Files: []ticket.Upload{file("secret.txt")}},
			{Body: "last", Files: []ticket.Upload{file("c.txt")}},
		} {
			r.TenantID, r.TicketID, r.Author = ten.ID, id, "Staff"
			if _, err := ticket.AddReply(ctx, d, tk, r, now); err != nil {
				t.Fatal(err)
			}
		}
		for _, staff := range []bool{false, true} {
			dt, err := ticket.Load(ctx, d, tk, staff)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range dt.Messages {
				got = append(got, m.Body+":")
				for _, f := range m.Files {
					if f.MessageID != m.ID {
						t.Errorf("file %s carries message %d, sits on %d", f.Filename, f.MessageID, m.ID)
					}
					got[len(got)-1] += f.Filename + ","
				}
			}
			want := "[first:a.txt,b.txt, no files: last:c.txt,]"
			if staff {
				want = "[first:a.txt,b.txt, no files: note:secret.txt, last:c.txt,]"
			}
			if s := fmt.Sprint(got); s != want {
				t.Errorf("staff=%v: %s, want %s", staff, s, want)
			}
		}
	})
}
