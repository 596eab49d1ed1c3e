package ticket_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestReplyWithStatusIsAgentsMail: a staff reply that also changes the status reads
// as the agent's mail, like a plain reply: the agent's text first (not quoted, no
// greeting of the portal's own), the new status a line of the footer, sent as a
// person's mail. A tenant's saved text without {{reply}} keeps the old layout: its
// greeting, then the reply quoted.
func TestReplyWithStatusIsAgentsMail(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newNotifyWorld(t, d, true)
		tk := w.create(t, w.anna, nil, "Heating cold")
		w.mailsTo(t, "anna@mueller.test")
		no := strconv.FormatInt(tk.ID, 10)
		waiting, err := ticket.StatusByCode(ctx, d, w.ten.ID, ticket.CodeWaiting)
		if err != nil {
			t.Fatal(err)
		}
		agent := ticket.Actor{StaffID: w.maria.ID, Name: "Agent Maria"}
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.RepliedWithStatus(ctx, tx, tk, "Hello Anna,\n\ndid bleeding the radiator help?\n\nMaria", waiting, agent)
		})
		m := w.one(t, "anna@mueller.test", "reply with status")
		if m.Subject != "Re: [#"+no+"] Heating cold" {
			t.Errorf("subject %q", m.Subject)
		}
		has(t, "reply with status", m, []string{"Agent Maria · Ticket #" + no + " · Heating cold\nNew status: Waiting for your reply\n" +
			"Reply to this email or open the ticket in the portal: " + w.origin + "/tickets/" + no},
			[]string{"<blockquote", "has replied to ticket", "Kind regards", "Hello Anna,\n\nHello"})
		if i, j := strings.Index(m.Text, "did bleeding"), strings.Index(m.Text, "New status"); i < 0 || i > j {
			t.Errorf("the agent's text does not come first:\n%s", m.Text)
		}
		var personal bool
		if err := d.QueryRow(ctx, `SELECT personal FROM mails WHERE tenant_id = ? AND to_addr = ? ORDER BY id DESC LIMIT 1`,
			w.ten.ID, "anna@mueller.test").Scan(&personal); err != nil || !personal {
			t.Errorf("personal %v, %v", personal, err)
		}

		// A tenant's text from before {{reply}}: the old layout, the reply quoted.
		if err := mailtmpl.Save(ctx, d, w.ten.ID, "mail.ticket_reply_status", "en", mailtmpl.Text{Subject: "[{{ticket}}] {{status}}",
			Greeting: "Dear {{first_name}},", Body: "{{author}} answered and set {{status}}:", Button: "Open"}, "test", w.now); err != nil {
			t.Fatal(err)
		}
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.RepliedWithStatus(ctx, tx, tk, "Still cold?", waiting, agent)
		})
		m = w.one(t, "anna@mueller.test", "tenant's old text")
		has(t, "tenant's old text", m, []string{"Dear Anna,", "Agent Maria answered and set Waiting for your reply:", "Still cold?"}, nil)
		if !strings.Contains(m.HTML, "<blockquote") {
			t.Errorf("old text: reply not quoted\n%s", m.HTML)
		}
	})
}

// TestReplyFooterWithoutReplyAddress: with no support address, an answer by mail
// cannot come back (the mails have no Reply-To): the agent's mail does not say "reply
// to this email". Anna is sent to the portal; Otto, who cannot sign in there, gets the
// footer alone. With a support address, both are told to reply.
func TestReplyFooterWithoutReplyAddress(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, support := range []bool{false, true} {
			w := newNotifyWorld(t, d, support)
			tk := w.create(t, w.otto, nil, "Heating cold")
			w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
				return ticket.Follow(ctx, tx, tk, w.anna, "Agent Maria", 0, w.maria.ID, w.now)
			})
			w.mailsTo(t, "anna@mueller.test")
			w.mailsTo(t, "otto@mueller.test")
			no := strconv.FormatInt(tk.ID, 10)
			waiting, err := ticket.StatusByCode(ctx, d, w.ten.ID, ticket.CodeWaiting)
			if err != nil {
				t.Fatal(err)
			}
			agent := ticket.Actor{StaffID: w.maria.ID, Name: "Agent Maria"}
			for _, send := range []func(context.Context, *db.Tx, ticket.Notifier) error{
				func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
					return n.Replied(ctx, tx, tk, "Bleed it.", agent)
				},
				func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
					return n.RepliedWithStatus(ctx, tx, tk, "Bleed it.", waiting, agent)
				},
			} {
				w.do(t, send)
				anna, otto := w.one(t, "anna@mueller.test", "reply"), w.one(t, "otto@mueller.test", "reply")
				footer := "Agent Maria · Ticket #" + no + " · Heating cold"
				if support {
					has(t, "Anna, replies come back", anna, []string{"Reply to this email or open the ticket in the portal: " + w.origin}, nil)
					has(t, "Otto, replies come back", otto, []string{footer, replyHint}, []string{"/tickets/"})
					continue
				}
				has(t, "Anna, no reply address", anna, []string{footer, "Open the ticket in the portal: " + w.origin + "/tickets/" + no},
					[]string{"Reply to this email", "reply to this email", "Please type your reply above this line"})
				has(t, "Otto, no reply address", otto, []string{footer}, []string{"/tickets/", "Reply to this email", replyHint})
			}
		}
	})
}
