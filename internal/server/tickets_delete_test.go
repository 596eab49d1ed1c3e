package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// ticketChildren are the tables whose rows belong to a ticket (ticket_id, ON DELETE
// CASCADE); mails keep theirs with ticket_id cleared.
var ticketChildren = []string{"ticket_messages", "ticket_events", "ticket_attachments", "ticket_followers",
	"ticket_ratings", "ticket_staff_reads", "ticket_contact_reads", "ticket_time", "ticket_presence", "staged_uploads"}

// childRows counts the rows of the tables above for the tickets ids.
func childRows(t *testing.T, env *apptest.Env, ids ...int64) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range ticketChildren {
		for _, id := range ids {
			out[table] += count(t, env, `SELECT COUNT(*) FROM `+table+` WHERE ticket_id = ?`, id)
		}
	}
	return out
}

// deN is a plural message as staff read it on a page (German, escaped).
func deN(key string, n int) string { return html.EscapeString(i18n.For("de").N(key, n, nil)) }

// TestTicketDelete: an admin sees what deleting takes (number, title, company, messages,
// files, the ticket merged into it) before confirming; deleting removes both tickets
// with every row and stored file of theirs, writes one audit entry each, and leaves the
// rest right: the ticket pages answer 404 in the back office and the portal, the portal's
// cached list and both searches no longer find them, mails stay unticketed.
func TestTicketDelete(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env, ctx := h.env, context.Background()
		spam := h.open(t, h.acme, h.anna, "Spam offer", withFile(env, "s.txt", "SPAM-DATA"), func(n *ticket.New) {
			n.Body = "Cheap zebrafinch pills"
		})
		shell := h.open(t, h.acme, h.bernd, "Spam again")
		keep := h.open(t, h.acme, h.anna, "Printer jams", func(n *ticket.New) { n.Body = "The zebrafinch sticker jams" })
		h.change(t, spam, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			if err := ticket.Follow(ctx, tx, tk, h.bernd.ID, "x", 0, h.admin.ID, tk.CreatedAt); err != nil {
				return err
			}
			if _, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: h.admin.ID, Author: h.admin.Name, Internal: true,
				Body: "staff note on spam"}, tk.CreatedAt); err != nil {
				return err
			}
			m, err := outbox.Queue(ctx, tx, h.ten.ID, mail.Message{To: "anna@acme.test", Subject: "[#1] Spam offer", Text: "x"}, tk.CreatedAt)
			if err != nil {
				return err
			}
			return outbox.ForTicket(ctx, tx, h.ten.ID, m, tk.ID)
		})
		h.change(t, shell, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			to, err := ticket.ForStaff(ctx, tx, h.ten.ID, spam)
			if err != nil {
				return err
			}
			return ticket.Merge(ctx, tx, tk, to, by, tk.CreatedAt)
		})
		key := staffTicket(t, env, h.ten.ID, spam).Messages[0].Files[0].Key
		anna := env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		if b := anna.Get("/tickets/" + itoa64(spam)).Body; !strings.Contains(b, "Spam offer") { // a contact read mark
			t.Fatalf("portal ticket before: %.200s", b)
		}
		if b := anna.Get("/tickets?state=all").Body; !strings.Contains(b, "Spam offer") { // the list, now kept
			t.Fatalf("portal list before lacks the ticket")
		}
		var version int64
		env.DB.QueryRow(ctx, `SELECT version FROM list_versions WHERE company_id = ?`, h.acme.ID).Scan(&version)

		page := h.staffC.Get("/admin/tickets/" + itoa64(spam)).Body // a staff read mark
		if !strings.Contains(page, `href="/admin/tickets/`+itoa64(spam)+`/delete"`) {
			t.Errorf("the admin's ticket page offers no delete")
		}
		before := childRows(t, env, spam, shell)
		for _, table := range []string{"ticket_messages", "ticket_events", "ticket_attachments", "ticket_followers",
			"ticket_staff_reads", "ticket_contact_reads"} {
			if before[table] == 0 {
				t.Errorf("setup: no %s rows to delete", table)
			}
		}
		r := h.staffC.Get("/admin/tickets/" + itoa64(spam) + "/delete")
		for _, s := range []string{"#" + itoa64(spam), "Spam offer", "Acme AG", deN("ticket_delete.messages", 3),
			deN("ticket_delete.files", 1), deN("ticket_delete.merged_along", 1), "#" + itoa64(shell), "Spam again",
			`action="/admin/tickets/` + itoa64(spam) + `/delete"`} {
			if r.Status != 200 || !strings.Contains(r.Body, s) {
				t.Errorf("confirmation: %d, lacks %q", r.Status, s)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tickets WHERE id IN (?, ?)`, spam, shell); n != 2 {
			t.Fatalf("deleted before the confirmation")
		}

		r = h.staffC.Post("/admin/tickets/"+itoa64(spam)+"/delete", url.Values{})
		if r.Status != 303 || r.Location != "/admin/tickets" {
			t.Fatalf("delete: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if got := bulkFlash(h.staffC.Get(r.Location).Body); got != html.EscapeString(i18n.For("de").T("ticket_delete.deleted")) {
			t.Errorf("flash %q", got)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tickets WHERE id IN (?, ?)`, spam, shell); n != 0 {
			t.Errorf("%d tickets left", n)
		}
		for table, n := range childRows(t, env, spam, shell) {
			if n != 0 {
				t.Errorf("%s: %d rows left", table, n)
			}
		}
		if _, err := env.App.Env.Files.Open(key); err == nil {
			t.Errorf("the attachment's stored file is still there")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE tenant_id = ? AND ticket_id IS NULL AND subject = '[#1] Spam offer'`, h.ten.ID); n != 1 {
			t.Errorf("the tickets' mails went too; they stay, no longer tied to a ticket")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'ticket_deleted'`, h.ten.ID); n != 2 {
			t.Errorf("audit entries: %d, want one per ticket", n)
		}
		audit := h.staffC.Get("/admin/audit").Body
		if !strings.Contains(audit, html.EscapeString(i18n.For("de").T("audit.action.ticket_deleted"))) ||
			!strings.Contains(audit, "#"+itoa64(spam)+" „Spam offer“ von ") {
			t.Errorf("audit log does not tell the deletion")
		}
		for _, p := range []string{"/admin/tickets/" + itoa64(spam), "/admin/tickets/" + itoa64(shell), "/admin/tickets/" + itoa64(spam) + "/delete"} {
			if r := h.staffC.Get(p); r.Status != 404 {
				t.Errorf("GET %s after deleting: %d", p, r.Status)
			}
		}
		for _, p := range []string{"/tickets/" + itoa64(spam), "/tickets/" + itoa64(shell)} {
			if r := anna.Get(p); r.Status != 404 {
				t.Errorf("portal GET %s after deleting: %d", p, r.Status)
			}
		}
		var after int64
		env.DB.QueryRow(ctx, `SELECT version FROM list_versions WHERE company_id = ?`, h.acme.ID).Scan(&after)
		if after <= version {
			t.Errorf("the company's list version stayed %d", after)
		}
		if b := anna.Get("/tickets?state=all").Body; strings.Contains(b, "Spam offer") || !strings.Contains(b, "Printer jams") {
			t.Errorf("portal list after deleting still shows the ticket or lost the other")
		}
		// The conversation search finds the other ticket's message and not the deleted one's.
		for _, c := range []struct {
			client *apptest.Client
			path   string
		}{{h.staffC, "/admin/tickets?state=all&q=zebrafinch"}, {anna, "/tickets?state=all&q=zebrafinch"}} {
			b := c.client.Get(c.path).Body
			if strings.Contains(b, "Spam offer") || !strings.Contains(b, "Printer jams") {
				t.Errorf("search %s after deleting: wrong tickets", c.path)
			}
		}
		if e == db.SQLite {
			if n := count(t, env, `SELECT COUNT(*) FROM ticket_messages_search WHERE ticket_messages_search MATCH 'zebrafinch'`); n != 1 {
				t.Errorf("the word index holds %d messages with the word, want only the kept ticket's", n)
			}
		}
		if n, err := ticket.CountQueue(ctx, env.DB, h.ten.ID, ticket.Filter{State: "all"}, 100); err != nil || n != 1 {
			t.Errorf("queue count after deleting: %d %v, want 1", n, err)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?`, keep); n != 1 {
			t.Errorf("the other ticket lost its messages: %d", n)
		}
	})
}

// TestTicketDeleteRules: agents neither see nor reach deleting (404, as every admin-only
// page); a billed ticket, or one with a billed ticket merged into it, stays with the
// reason on the confirmation page.
func TestTicketDeleteRules(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env := h.env
		tk := h.open(t, h.acme, h.anna, "Test ticket")
		agent := env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if b := agent.Get("/admin/tickets/" + itoa64(tk)).Body; strings.Contains(b, "/delete") {
			t.Errorf("an agent's ticket page offers deleting")
		}
		if b := agent.Get("/admin/tickets").Body; strings.Contains(b, `value="delete:0"`) {
			t.Errorf("an agent's queue offers deleting")
		}
		for _, r := range []apptest.Response{agent.Get("/admin/tickets/" + itoa64(tk) + "/delete"),
			agent.Post("/admin/tickets/"+itoa64(tk)+"/delete", url.Values{}),
			agent.Post("/admin/tickets/bulk", url.Values{"action": {"delete:0"}, "ids": {itoa64(tk)}, "confirm": {"1"}})} {
			if r.Status != 404 {
				t.Errorf("agent: %d, want 404", r.Status)
			}
		}
		if b := h.staffC.Get("/admin/tickets").Body; !strings.Contains(b, `value="delete:0"`) {
			t.Errorf("the admin's queue offers no delete")
		}
		billed := h.open(t, h.acme, h.anna, "Billed work")
		holder := h.open(t, h.acme, h.anna, "Holder")
		h.change(t, billed, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.SetBilled(ctx, tx, tk, true, by, tk.CreatedAt)
		})
		shell := h.open(t, h.acme, h.anna, "Billed shell")
		h.change(t, shell, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			to, err := ticket.ForStaff(ctx, tx, h.ten.ID, holder)
			if err != nil {
				return err
			}
			if err := ticket.Merge(ctx, tx, tk, to, by, tk.CreatedAt); err != nil {
				return err
			}
			// billed afterwards, as the merged ticket's page allows
			_, err = tx.Exec(ctx, `UPDATE tickets SET billed = TRUE WHERE id = ?`, tk.ID)
			return err
		})
		msg := mergeWant("ticket_delete.billed")
		for _, id := range []int64{billed, holder} {
			p := "/admin/tickets/" + itoa64(id) + "/delete"
			if r := h.staffC.Get(p); r.Status != 200 || !strings.Contains(r.Body, msg) || strings.Contains(r.Body, `class="btn danger" type="submit"`) {
				t.Errorf("confirmation of billed %d: %d, want the reason and no button", id, r.Status)
			}
			if r := h.staffC.Post(p, url.Values{}); r.Status != 409 || !strings.Contains(r.Body, msg) {
				t.Errorf("deleting billed %d: %d", id, r.Status)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tickets WHERE id IN (?, ?, ?, ?)`, tk, billed, holder, shell); n != 4 {
			t.Errorf("%d of 4 tickets left", n)
		}
		if r := h.staffC.Get("/admin/tickets/999999/delete"); r.Status != 404 {
			t.Errorf("unknown ticket: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'ticket_deleted'`); n != 0 {
			t.Errorf("%d audit entries for refused deletions", n)
		}
	})
}

// TestTicketBulkDelete: the queue's delete asks once more, naming how many tickets,
// then deletes them, skipping billed ones, and says so.
func TestTicketBulkDelete(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env := h.env
		a, b := h.open(t, h.acme, h.anna, "Spam one"), h.open(t, h.beta, h.clara, "Spam two")
		billed := h.open(t, h.acme, h.anna, "Billed one")
		h.change(t, billed, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.SetBilled(ctx, tx, tk, true, by, tk.CreatedAt)
		})
		form := bulkForm("delete:0", a, b, billed)
		r := h.staffC.Post("/admin/tickets/bulk?state=all", form)
		for _, s := range []string{deN("ticket_delete.bulk_text", 3), deN("ticket_delete.bulk_confirm", 3), "Spam one", "Spam two",
			"Billed one", `name="confirm" value="1"`, `action="/admin/tickets/bulk?state=all"`} {
			if r.Status != 200 || !strings.Contains(r.Body, s) {
				t.Errorf("bulk confirmation: %d, lacks %q", r.Status, s)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tickets WHERE id IN (?, ?, ?)`, a, b, billed); n != 3 {
			t.Fatalf("deleted before the confirmation")
		}
		form.Set("confirm", "1")
		r = h.staffC.Post("/admin/tickets/bulk?state=all", form)
		if r.Status != 303 || r.Location != "/admin/tickets?state=all" {
			t.Fatalf("bulk delete: %d %q", r.Status, r.Location)
		}
		de := i18n.For("de")
		want := de.N("ticket_delete.bulk_deleted", 2, nil) + " " + de.N("bulk.skipped_billed", 1, nil)
		if got := bulkFlash(h.staffC.Get(r.Location).Body); got != html.EscapeString(want) {
			t.Errorf("flash %q, want %q", got, want)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tickets WHERE id IN (?, ?)`, a, b); n != 0 {
			t.Errorf("%d ticked tickets left", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tickets WHERE id = ?`, billed); n != 1 {
			t.Errorf("the billed ticket went")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'ticket_deleted'`); n != 2 {
			t.Errorf("audit entries: %d", n)
		}
		if r := h.staffC.Post("/admin/tickets/bulk", bulkForm("delete:0")); r.Status != 422 {
			t.Errorf("bulk delete of nothing: %d", r.Status)
		}
	})
}

// ticketDeleteIsolation: tenant A's admin deleting tenant B's ticket through the queue
// finds no such ticket, and nothing of tenant B goes (the ticket routes themselves are
// in TestAdminIsolation's table).
func ticketDeleteIsolation(t *testing.T, w *world, staffA *apptest.Client, tenantB int64) {
	t.Helper()
	tk := openTicket(t, w.env, tenantB, w.b1, w.carol, "B1 AG delete ticket")
	for _, confirm := range []string{"", "1"} {
		r := staffA.Post("/admin/tickets/bulk", url.Values{"action": {"delete:0"}, "ids": {id(tk)}, "confirm": {confirm}})
		if r.Status != 303 || strings.Contains(r.Body, "B1 AG") {
			t.Errorf("bulk delete of tenant B's ticket (confirm %q): %d", confirm, r.Status)
			continue
		}
		if got := bulkFlash(staffA.Get(r.Location).Body); got != "Kein Ticket wurde geändert. 1 Ticket nicht gefunden." {
			t.Errorf("bulk delete of tenant B's ticket: flash %q", got)
		}
	}
	if n := count(t, w.env, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ? AND id = ?`, tenantB, tk); n != 1 {
		t.Errorf("tenant B's ticket was deleted")
	}
	if n := count(t, w.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'ticket_deleted'`); n != 0 {
		t.Errorf("%d deletions logged", n)
	}
}
