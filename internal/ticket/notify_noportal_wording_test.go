package ticket_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestNoPortalTenantWording: the tenant rewords "ticket received" and the reminder
// around the portal. Anna (access) gets that wording; Otto (no access) gets the
// wording for contacts without access instead — the built-in one until the tenant
// writes their own, then theirs. In a mail without such a wording (a reply), the
// tenant's paragraph using {{link}} is left out for Otto, the rest kept; a text that is
// nothing but such a paragraph falls back to the built-in body.
func TestNoPortalTenantWording(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newNotifyWorld(t, d, true)
		save := func(key string, text mailtmpl.Text) {
			t.Helper()
			if err := mailtmpl.Save(ctx, d, w.ten.ID, key, "en", text, "test", w.now); err != nil {
				t.Fatal(err)
			}
		}
		save("mail.ticket_received", mailtmpl.Text{Subject: "Got {{ticket}}", Body: "Log in to our customer portal to follow {{ticket}}.", Button: "Go"})
		save("mail.ticket_reminder", mailtmpl.Text{Subject: "Waiting {{ticket}}", Body: "Answer in the customer portal: {{link}}", Button: "Go"})
		portalWords := []string{"customer portal", "/tickets/", "Log in"}

		tk := w.create(t, w.otto, nil, "Heating cold")
		no := strconv.FormatInt(tk.ID, 10)
		has(t, "confirmation to Otto", w.one(t, "otto@mueller.test", "confirmation"),
			[]string{"Thank you for your request #" + no + " for Müller Haustechnik GmbH.", replyHint}, portalWords)
		w.create(t, w.anna, nil, "Printer")
		has(t, "confirmation to Anna", w.one(t, "anna@mueller.test", "confirmation"),
			[]string{"Log in to our customer portal to follow #"}, nil)

		remind := func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.Reminded(ctx, tx, tk, w.now.Add(72*time.Hour))
		}
		w.do(t, remind)
		has(t, "reminder to Otto", w.one(t, "otto@mueller.test", "reminder"),
			[]string{"is waiting for your answer. You find our last message below.", replyHint}, portalWords)

		// The tenant's own wording for contacts without access reaches Otto.
		save("mail.ticket_reminder_noportal", mailtmpl.Text{Subject: "Still open: {{ticket}}", Body: "Dear {{first_name}}, please just reply to this mail about {{title}}."})
		w.do(t, remind)
		m := w.one(t, "otto@mueller.test", "own reminder")
		has(t, "own reminder to Otto", m, []string{"Dear Otto, please just reply to this mail about Heating cold.", replyHint}, portalWords)
		if m.Subject != "Still open: #"+no {
			t.Errorf("subject %q", m.Subject)
		}

		// A reply: the tenant's text stays, less the paragraph with the link.
		save("mail.ticket_reply", mailtmpl.Text{Subject: "Re {{ticket}}", Body: "{{author}} wrote.\n\nSee {{link}} for more.", Button: "Look"})
		agent := ticket.Actor{StaffID: w.maria.ID, Name: "Agent Maria"}
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.Replied(ctx, tx, tk, "Bleed the radiator.", agent)
		})
		has(t, "reply to Otto", w.one(t, "otto@mueller.test", "reply"), []string{"Agent Maria wrote.", replyHint}, append(portalWords, "See ", "Look"))
		save("mail.ticket_reply", mailtmpl.Text{Subject: "Re {{ticket}}", Body: "Open {{ link }} now.", Button: "Look"})
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.Replied(ctx, tx, tk, "Again.", agent)
		})
		has(t, "link-only reply to Otto", w.one(t, "otto@mueller.test", "reply"),
			[]string{"Agent Maria · Ticket #" + no, replyHint}, append(portalWords, "Open ", "Look"))
	})
}
