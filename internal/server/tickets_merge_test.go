package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// mergeWant is the message of key as staff read it on a page (German, escaped).
func mergeWant(key string) string { return html.EscapeString(i18n.For("de").T(key)) }

// TestTicketMergeInput: every bad number is refused with its message next to the field,
// the typed value kept and nothing merged; another company's or tenant's ticket reads
// exactly like a number nobody has.
func TestTicketMergeInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env := h.env
		source := h.open(t, h.acme, h.bernd, "Drucker streikt")
		target := h.open(t, h.acme, h.anna, "Printer jams")
		beta := h.open(t, h.beta, h.clara, "Beta ticket")
		tb := env.Tenant("Other Service", "other.test")
		coB := env.Company(tb, "Acme AG")
		foreign := openTicket(t, env, tb.ID, coB.ID, env.Contact(tb, "carl@other.test", "carl-password-1", "main", coB).ID, "Foreign")
		merged, holder := h.open(t, h.acme, h.anna, "Merged already"), h.open(t, h.acme, h.anna, "Holder")
		h.change(t, merged, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			to, err := ticket.ForStaff(ctx, tx, h.ten.ID, holder)
			if err != nil {
				return err
			}
			return ticket.Merge(ctx, tx, tk, to, by, tk.CreatedAt)
		})
		billed := h.open(t, h.acme, h.anna, "Billed")
		h.change(t, billed, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.SetBilled(ctx, tx, tk, true, by, tk.CreatedAt)
		})
		path := func(id int64) string { return "/admin/tickets/" + itoa64(id) + "/merge" }
		notFound := map[string]string{}
		for _, c := range []struct {
			from    int64
			typed   string
			key     string
			confirm bool
		}{
			{source, "", "ticket_merge.error.required", false},
			{source, "abc", "ticket_merge.error.number", false},
			{source, "#-4", "ticket_merge.error.number", false},
			{source, "#" + itoa64(source), "ticket_merge.error.same", false},
			{source, "999999", "ticket_merge.error.not_found", false},
			{source, itoa64(beta), "ticket_merge.error.not_found", false},
			{source, "#" + itoa64(foreign), "ticket_merge.error.not_found", false},
			{source, itoa64(merged), "ticket_merge.error.target_merged", false},
			{source, itoa64(billed), "ticket_merge.error.target_billed", false},
			{source, itoa64(billed), "ticket_merge.error.target_billed", true}, // the confirmation checks again
			{source, "", "ticket_merge.error.required", true},
		} {
			form := url.Values{"target": {c.typed}}
			if c.confirm {
				form.Set("confirm", "1")
			}
			r := h.staffC.Post(path(c.from), form)
			if r.Status != 422 || !strings.Contains(r.Body, mergeWant(c.key)) || !strings.Contains(r.Body, `value="`+html.EscapeString(c.typed)+`"`) {
				t.Errorf("merge %d into %q: %d, want %s with the input kept", c.from, c.typed, r.Status, c.key)
			}
			if c.key == "ticket_merge.error.not_found" {
				typed := `name="target" type="text" value="` + c.typed + `"`
				notFound[c.typed] = strings.ReplaceAll(r.Body, typed, `name="target" type="text" value=""`)
			}
		}
		// A billed or merged ticket offers no merge; a POST anyway goes back with the rule.
		for from, key := range map[int64]string{billed: "tickets_admin.billed_failed", merged: "ticket_merge.merged_failed"} {
			r := h.staffC.Post(path(from), url.Values{"target": {itoa64(target)}, "confirm": {"1"}})
			if r.Status != 303 || !strings.Contains(h.staffC.Get(r.Location).Body, mergeWant(key)) {
				t.Errorf("merge of %d: %d, want %s", from, r.Status, key)
			}
		}
		if a, b, f := notFound["999999"], notFound[itoa64(beta)], notFound["#"+itoa64(foreign)]; a != b || a != f {
			t.Errorf("another company's or tenant's ticket reads differently from a missing one")
		}
		if d := staffTicket(t, env, h.ten.ID, source); d.MergedInto != 0 || len(d.Messages) != 1 || len(mailsFor(t, env, source)) != 0 {
			t.Errorf("a refused merge changed the source: %+v", d.Ticket)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'ticket_merged'`); n != 0 {
			t.Errorf("%d audit entries for refused merges", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM tickets WHERE merged_into IS NOT NULL`); n != 1 {
			t.Errorf("%d merged tickets, want only the one merged by hand", n)
		}
	})
}

// TestTicketMerge: staff see both tickets before they confirm; the merge moves the
// conversation (notes still internal), files and people, closes the source, mails its
// contacts once by their settings and writes the audit log; the portal points from the
// source to the target and keeps the source out of the open list.
func TestTicketMerge(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env, ctx := h.env, context.Background()
		carl := env.Contact(h.ten, "carl@acme.test", "carl-password-1", "user", h.acme)
		target := h.open(t, h.acme, h.anna, "Printer jams")
		source := h.open(t, h.acme, h.bernd, "Drucker streikt", withFile(env, "s.txt", "SRC-DATA"))
		h.change(t, source, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			for _, c := range []int64{h.anna.ID, carl.ID} {
				if err := ticket.Follow(ctx, tx, tk, c, "x", 0, h.admin.ID, tk.CreatedAt); err != nil {
					return err
				}
			}
			_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: h.admin.ID, Author: h.admin.Name, Internal: true,
				Body: "secret staff note"}, tk.CreatedAt)
			return err
		})
		env.DB.Exec(ctx, `UPDATE contacts SET notify_followed = FALSE WHERE id = ?`, carl.ID)
		base := "/admin/tickets/" + itoa64(source)

		r := h.staffC.Post(base+"/merge", url.Values{"target": {" #" + itoa64(target) + " "}})
		for _, s := range []string{"Drucker streikt", "Printer jams", "Acme AG", "Test bernd@acme.test", "Test anna@acme.test",
			`name="confirm" value="1"`, `name="target" value="` + itoa64(target) + `"`} {
			if r.Status != 200 || !strings.Contains(r.Body, s) {
				t.Errorf("confirmation: %d, lacks %q", r.Status, s)
			}
		}
		if d := staffTicket(t, env, h.ten.ID, source); d.MergedInto != 0 {
			t.Fatalf("merged before the confirmation")
		}
		r = h.staffC.Post(base+"/merge", url.Values{"target": {itoa64(target)}, "confirm": {"1"}})
		if r.Status != 303 || r.Location != "/admin/tickets/"+itoa64(target) {
			t.Fatalf("merge: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		d := staffTicket(t, env, h.ten.ID, target)
		if len(d.Messages) != 3 || !d.Messages[2].Internal || d.Messages[1].Files[0].Filename != "s.txt" {
			t.Errorf("target conversation: %+v", d.Messages)
		}
		if len(d.Followers) != 2 { // bernd (the source's opener) and carl; anna opened the target
			t.Errorf("target followers: %+v", d.Followers)
		}
		if s := staffTicket(t, env, h.ten.ID, source); s.MergedInto != target || s.Status.Code != ticket.CodeClosed {
			t.Errorf("source: merged into %d, status %s", s.MergedInto, s.Status.Code)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'ticket_merged' AND tenant_id = ?`, h.ten.ID); n != 1 {
			t.Errorf("audit entries: %d", n)
		}
		mails := mailsFor(t, env, source)
		langs := mailLangs(t, mails)
		if len(mails) != 2 || langs["bernd@acme.test"] != "de" || langs["anna@acme.test"] != "en" {
			t.Errorf("merge mails (carl chose no follower mails): %v", langs)
		}
		for _, m := range mails {
			if !strings.Contains(m, "#"+itoa64(target)) || !strings.Contains(m, "/tickets/"+itoa64(target)) {
				t.Errorf("merge mail names or links no target: %.300s", m)
			}
		}
		page := h.staffC.Get("/admin/tickets/" + itoa64(target)).Body
		if !strings.Contains(page, "secret staff note") || !strings.Contains(page, html.EscapeString(i18n.For("de").T("tickets_admin.event.merged_from",
			map[string]any{"Actor": h.admin.Name, "Note": itoa64(source)}))) {
			t.Errorf("target page lacks the note or the history entry")
		}
		if !strings.Contains(page, `action="/admin/tickets/`+itoa64(target)+`/merge#merge"`) {
			t.Errorf("merge form does not post to …/merge#merge (a wrong number would show the page top, not the error)")
		}
		page = h.staffC.Get(base).Body
		if !strings.Contains(page, `href="/admin/tickets/`+itoa64(target)+`"`) || strings.Contains(page, base+"/reply") || strings.Contains(page, base+"/merge") {
			t.Errorf("source page: no link to the target, or still a reply or merge form")
		}
		// The request the merge closed has nothing left to decide.
		if strings.Contains(page, i18n.For("de").T("tickets_admin.request.pending")) {
			t.Errorf("the merged request still reads as not yet decided")
		}
		// Once in the notice on top, once in the conversation card the messages left.
		if n := strings.Count(page, html.EscapeString(i18n.For("de").T("ticket_merge.open_target", map[string]any{"Ticket": "#" + itoa64(target)}))); n != 2 {
			t.Errorf("source page: %d links to the target, want the notice's and the empty conversation's", n)
		}
		// Once only: no second merge, no second mail; no reply into the merged ticket.
		if r := h.staffC.Post(base+"/merge", url.Values{"target": {itoa64(target)}, "confirm": {"1"}}); r.Status != 303 || len(mailsFor(t, env, source)) != 2 {
			t.Errorf("second merge: %d", r.Status)
		}
		if r := h.staffC.PostMultipart(base+"/reply", map[string]string{"kind": "note", "body": "late"}); r.Status != 303 ||
			len(staffTicket(t, env, h.ten.ID, source).Messages) != 0 {
			t.Errorf("note on a merged ticket: %d", r.Status)
		}

		// The portal: bernd follows the target now and is pointed there.
		bernd := env.Client("hd.test")
		bernd.Login("bernd@acme.test", "bernd-password-1")
		src := bernd.Get("/tickets/" + itoa64(source))
		note := html.EscapeString(i18n.For("de").T("ticket_merge.portal_note", map[string]any{"Ticket": "#" + itoa64(target)}))
		if src.Status != 200 || !strings.Contains(src.Body, note) || !strings.Contains(src.Body, `href="/tickets/`+itoa64(target)+`"`) {
			t.Errorf("portal source page: %d, notice or link missing", src.Status)
		}
		if strings.Contains(src.Body, "/reopen") {
			t.Errorf("a merged ticket offers reopening")
		}
		// No empty conversation heading, and no "open a new ticket" or "reopen" advice: the notice points to the target.
		for _, id := range []string{"tickets.done_note", "portalpolish.reopen_intro"} {
			if strings.Contains(src.Body, html.EscapeString(i18n.For("de").T(id))) {
				t.Errorf("merged ticket page shows %s", id)
			}
		}
		if strings.Contains(src.Body, `id="conv-h"`) {
			t.Errorf("merged ticket page shows an empty conversation")
		}
		if r := bernd.Post("/tickets/"+itoa64(source)+"/reopen", nil); r.Status != 409 || staffTicket(t, env, h.ten.ID, source).Done() != true {
			t.Errorf("reopen merged: %d", r.Status)
		}
		tg := bernd.Get("/tickets/" + itoa64(target))
		if tg.Status != 200 || !strings.Contains(tg.Body, "Body of Drucker streikt") || strings.Contains(tg.Body, "secret staff note") {
			t.Errorf("portal target page for bernd: %d", tg.Status)
		}
		list := bernd.Get("/tickets").Body
		if !strings.Contains(list, `href="/tickets/`+itoa64(target)+`"`) || strings.Contains(list, `href="/tickets/`+itoa64(source)+`"`) {
			t.Errorf("open list: the target should be listed, the source not")
		}
		// Someone who sees the source but not the target gets the notice without a link.
		env.DB.Exec(ctx, `DELETE FROM ticket_followers WHERE ticket_id = ? AND contact_id = ?`, target, carl.ID)
		c := env.Client("hd.test")
		c.Login("carl@acme.test", "carl-password-1")
		if r := c.Get("/tickets/" + itoa64(source)); r.Status != 200 || strings.Contains(r.Body, `href="/tickets/`+itoa64(target)+`"`) ||
			!strings.Contains(r.Body, "#"+itoa64(target)) {
			t.Errorf("source page for a reader of the source only: %d", r.Status)
		}
		if r := c.Get("/tickets/" + itoa64(target)); r.Status != 404 {
			t.Errorf("target for a reader of the source only: %d", r.Status)
		}
	})
}
