package server_test

import (
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

func TestTicketLifecycle(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe, ula, alice := d.as("uwe@alpha.test", "uwe-password-1"), d.as("ula@alpha.test", "ula-password-1"), d.as("alice@alpha.test", "alice-password")
		pdf := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 2000)...)
		id := d.open(t, uwe, "Drucker druckt nicht", apptest.File{Field: "files", Name: "../fehler bericht.pdf", Data: pdf})
		path := "/tickets/" + strconv.FormatInt(id, 10)

		page := uwe.Get(path)
		if page.Status != 200 || !strings.Contains(page.Body, "Drucker druckt nicht") || !strings.Contains(page.Body, "fehler bericht.pdf") {
			t.Fatalf("ticket page: %d %.300s", page.Status, page.Body)
		}
		if got := d.mailsTo(t, "agent@desk.test"); len(got) != 1 || !strings.Contains(got[0], "Drucker druckt nicht") {
			t.Fatalf("staff mail: %q", got)
		}
		if got := d.mailsTo(t, "uwe@alpha.test"); len(got) != 1 || !strings.Contains(got[0], "#"+strconv.FormatInt(id, 10)) {
			t.Fatalf("confirmation: %q", got)
		}

		// The attachment downloads as an attachment, byte for byte, with the sniffed type.
		var fileID int64
		d.env.DB.QueryRow(context.Background(), `SELECT id FROM ticket_attachments WHERE ticket_id = ?`, id).Scan(&fileID)
		f := uwe.Get(path + "/files/" + strconv.FormatInt(fileID, 10))
		if f.Status != 200 || f.Body != string(pdf) || f.Header.Get("Content-Type") != "application/pdf" ||
			!strings.HasPrefix(f.Header.Get("Content-Disposition"), "attachment") || f.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("attachment: %d %v", f.Status, f.Header)
		}

		// A user sees only their own and followed tickets; the main contact sees all.
		if r := ula.Get(path); r.Status != 404 {
			t.Fatalf("colleague user sees ticket: %d", r.Status)
		}
		if r := ula.Get("/tickets"); strings.Contains(r.Body, "Drucker druckt nicht") {
			t.Fatal("colleague user lists ticket")
		}
		if r := alice.Get("/tickets"); !strings.Contains(r.Body, "Drucker druckt nicht") {
			t.Fatalf("main contact misses ticket: %.300s", r.Body)
		}
		if r := uwe.Post(path+"/followers", url.Values{"contact_id": {strconv.FormatInt(d.ula, 10)}}); r.Status != 303 {
			t.Fatalf("follow: %d %.300s", r.Status, r.Body)
		}
		if r := ula.Get(path); r.Status != 200 {
			t.Fatalf("follower cannot see: %d", r.Status)
		}
		if r := uwe.Post(path+"/followers", url.Values{"contact_id": {strconv.FormatInt(d.bob, 10)}}); r.Status != 404 {
			t.Fatalf("follower of another company: %d", r.Status)
		}

		// An internal note never reaches contacts: not on the page, not in a mail.
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: d.admin.ID, Author: "Agent", Internal: true,
				Body: "GEHEIME NOTIZ: Kunde ist schwierig"}, now())
			return err
		})
		for _, c := range []*apptest.Client{uwe, ula, alice} {
			if r := c.Get(path); strings.Contains(r.Body, "GEHEIME NOTIZ") {
				t.Fatal("internal note shown in the portal")
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE text_body LIKE '%GEHEIME NOTIZ%' OR html_body LIKE '%GEHEIME NOTIZ%'`); n != 0 {
			t.Fatalf("internal note in %d mails", n)
		}

		// A contact's reply goes to staff and to the follower, not back to its author.
		if r := uwe.PostMultipart(path+"/reply", map[string]string{"body": "Es ist der Drucker im 2. OG."}); r.Status != 303 {
			t.Fatalf("reply: %d %.300s", r.Status, r.Body)
		}
		if got := d.mailsTo(t, "ula@alpha.test"); len(got) != 1 || !strings.Contains(got[0], "2. OG") {
			t.Fatalf("follower mail: %q", got)
		}
		if got := d.mailsTo(t, "agent@desk.test"); len(got) != 2 {
			t.Fatalf("staff mails: %q", got)
		}

		// Resolved: no reopening while the tenant forbids it; then allowed.
		ctx := context.Background()
		tenant.SetTicketRules(ctx, d.env.DB, d.t.ID, tenant.TicketRules{Reopen: false, UploadLimitMB: 20})
		resolved, _ := ticket.StatusByCode(ctx, d.env.DB, d.t.ID, ticket.CodeResolved)
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.SetStatus(ctx, tx, tk, resolved.ID, staffActor, now())
			return err
		})
		if r := uwe.Post(path+"/reopen", nil); r.Status != 409 || !strings.Contains(r.Body, "nicht wieder geöffnet") {
			t.Fatalf("reopen forbidden: %d %.300s", r.Status, r.Body)
		}
		if r := uwe.PostMultipart(path+"/reply", map[string]string{"body": "Noch da?"}); r.Status != 409 {
			t.Fatalf("reply to resolved: %d", r.Status)
		}
		tenant.SetTicketRules(ctx, d.env.DB, d.t.ID, tenant.TicketRules{Reopen: true, UploadLimitMB: 20})
		if r := uwe.Post(path+"/reopen", nil); r.Status != 303 {
			t.Fatalf("reopen: %d %.300s", r.Status, r.Body)
		}

		// Billed tickets can be read but not changed.
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			return ticket.SetBilled(ctx, tx, tk, true, staffActor, now())
		})
		if r := uwe.Get(path); r.Status != 200 || !strings.Contains(r.Body, "abgerechnet") {
			t.Fatalf("billed page: %d", r.Status)
		}
		for _, p := range []string{"/close", "/reopen"} {
			if r := uwe.Post(path+p, nil); r.Status != 409 {
				t.Errorf("%s on billed: %d", p, r.Status)
			}
		}
		if r := uwe.PostMultipart(path+"/reply", map[string]string{"body": "Nachtrag"}); r.Status != 409 {
			t.Fatalf("reply to billed: %d", r.Status)
		}
	})
}

func TestTicketCloseAndList(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice := d.as("alice@alpha.test", "alice-password")
		id := d.open(t, alice, "VPN bricht ab")
		d.open(t, alice, "Neuer Laptop")
		if r := alice.Post("/tickets/"+strconv.FormatInt(id, 10)+"/close", nil); r.Status != 303 {
			t.Fatalf("close: %d", r.Status)
		}
		open := alice.Get("/tickets")
		if strings.Contains(open.Body, "VPN bricht ab") || !strings.Contains(open.Body, "Neuer Laptop") {
			t.Fatal("open list shows closed ticket or misses open one")
		}
		if r := alice.Get("/tickets?state=done"); !strings.Contains(r.Body, "VPN bricht ab") || strings.Contains(r.Body, "Neuer Laptop") {
			t.Fatal("done list wrong")
		}
		if r := alice.Get("/tickets?state=all&q=laptop"); strings.Contains(r.Body, "VPN bricht ab") || !strings.Contains(r.Body, "Neuer Laptop") {
			t.Fatal("search wrong")
		}
		if r := alice.Get("/tickets?state=all&q=%23" + strconv.FormatInt(id, 10)); !strings.Contains(r.Body, "VPN bricht ab") {
			t.Fatal("search by number wrong")
		}
		// Statuses the tenant hides from the portal hide their tickets.
		d.env.DB.Exec(context.Background(), `UPDATE ticket_statuses SET portal_visible = FALSE WHERE tenant_id = ? AND code = 'closed'`, d.t.ID)
		if r := alice.Get("/tickets/" + strconv.FormatInt(id, 10)); r.Status != 404 {
			t.Fatalf("hidden status visible: %d", r.Status)
		}
		for _, q := range []string{"?page=999", "?sort=bogus&state=bogus", "?q=%00%ff"} {
			if r := alice.Get("/tickets" + q); r.Status != 200 {
				t.Errorf("list %s: %d", q, r.Status)
			}
		}
	})
}

func TestTicketBadInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		tenant.SetTicketRules(ctx, d.env.DB, d.t.ID, tenant.TicketRules{Reopen: true, UploadLimitMB: 1})
		other := d.env.Tenant("Other", "other.test")
		foreignCat, _ := ticket.SaveCategory(ctx, d.env.DB, other.ID, ticket.Category{Name: "Fremd", Active: true})
		alice := d.as("alice@alpha.test", "alice-password")
		ok := map[string]string{"title": "Titel", "body": "Text", "priority": "2"}
		with := func(k, v string) map[string]string {
			m := map[string]string{}
			for a, b := range ok {
				m[a] = b
			}
			m[k] = v
			return m
		}
		cases := []struct {
			name   string
			fields map[string]string
			files  []apptest.File
			want   string
		}{
			{"empty title", with("title", " "), nil, "f-title"},
			{"long title", with("title", strings.Repeat("x", 201)), nil, "f-title"},
			{"empty body", with("body", ""), nil, "f-body"},
			{"bad priority", with("priority", "9"), nil, "f-priority"},
			{"foreign category", with("category", strconv.FormatInt(foreignCat, 10)), nil, "f-category"},
			{"too large file", ok, []apptest.File{{Field: "files", Name: "big.bin", Data: make([]byte, 1<<20+1)}}, "big.bin"},
			{"empty file", ok, []apptest.File{{Field: "files", Name: "leer.txt"}}, "leer.txt"},
		}
		for _, c := range cases {
			r := alice.PostMultipart("/tickets", c.fields, c.files...)
			if r.Status != 422 || !strings.Contains(r.Body, c.want) || !strings.Contains(r.Body, "error-msg") {
				t.Errorf("%s: %d %.200s", c.name, r.Status, r.Body)
			}
			if c.fields["body"] != "" && !strings.Contains(r.Body, ">"+c.fields["body"]+"</textarea>") {
				t.Errorf("%s: description not kept", c.name)
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM tickets`); n != 0 {
			t.Fatalf("%d tickets from bad input", n)
		}
		// A title typed over several lines (pasted) is one line: it heads mail subjects.
		if r := alice.PostMultipart("/tickets", with("title", "Drucker\r\nBcc: x@evil.test\n defekt")); r.Status != 303 {
			t.Fatalf("title over lines: %d %.300s", r.Status, r.Body)
		}
		var title string
		if err := d.env.DB.QueryRow(ctx, `SELECT title FROM tickets`).Scan(&title); err != nil || title != "Drucker Bcc: x@evil.test defekt" {
			t.Errorf("title stored as %q (%v)", title, err)
		}
		id := d.open(t, alice, "Gut")
		if r := alice.PostMultipart("/tickets/"+strconv.FormatInt(id, 10)+"/reply", map[string]string{"body": ""}); r.Status != 422 {
			t.Fatalf("empty reply: %d", r.Status)
		}
	})
}
