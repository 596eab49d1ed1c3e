package ticket_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// replyHint is the line that takes the button's place for a contact without portal
// access who can answer by mail (mailfix.reply_hint, English).
const replyHint = "To answer or add anything, simply reply to this email."

// TestMailsWithoutPortal: Otto, a contact made from his inbound mail, has no portal
// access; Anna, who follows his ticket, has. Every ticket mail he gets — confirmation,
// reply, reply with status, status change, decision, reminder, merge — has no portal
// button or link and says to answer by replying; his confirmation and reminder do not
// send him to the customer portal. Anna's mails keep the button. A tenant's own
// wording applies to Otto too, less its paragraph using {{link}}.
func TestMailsWithoutPortal(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newNotifyWorld(t, d, true)
		if err := tenant.SetTicketRules(ctx, d, w.ten.ID, tenant.TicketRules{Ratings: true, UploadLimitMB: 10}); err != nil {
			t.Fatal(err)
		}
		tk := w.create(t, w.otto, nil, "Heating cold")
		no, link := strconv.FormatInt(tk.ID, 10), w.origin+"/tickets/"+strconv.FormatInt(tk.ID, 10)
		noPortal := []string{"/tickets/", "Open the ticket", "customer portal", "/settings/notifications"}
		has(t, "confirmation", w.one(t, "otto@mueller.test", "confirmation"),
			[]string{"Thank you for your request #" + no + " for Müller Haustechnik GmbH. We will get back to you as soon as possible.",
				replyHint, "Please type your reply above this line"}, noPortal)
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return ticket.Follow(ctx, tx, tk, w.anna, "Agent Maria", 0, w.maria.ID, w.now)
		})

		agent := ticket.Actor{StaffID: w.maria.ID, Name: "Agent Maria"}
		resolved, err := ticket.StatusByCode(ctx, d, w.ten.ID, ticket.CodeResolved)
		if err != nil {
			t.Fatal(err)
		}
		waiting, err := ticket.StatusByCode(ctx, d, w.ten.ID, ticket.CodeWaiting)
		if err != nil {
			t.Fatal(err)
		}
		target := w.create(t, w.anna, nil, "Heating, again")
		w.mailsTo(t, "anna@mueller.test")
		for _, step := range []struct {
			what string
			send func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error
			says string
		}{
			{"reply", func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
				return n.Replied(ctx, tx, tk, "Please bleed the radiator.", agent)
			}, "Agent Maria · Ticket #" + no}, // the agent's mail: their text, then this footer
			{"reply with status", func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
				return n.RepliedWithStatus(ctx, tx, tk, "Did it help?", waiting, agent)
			}, "New status: Waiting for your reply"}, // a line of the agent's mail's footer
			{"status", func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
				return n.StatusChanged(ctx, tx, tk, resolved, agent)
			}, "The status of ticket #" + no},
			{"decision", func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
				return n.Decided(ctx, tx, tk, true, "")
			}, "We have accepted your request #" + no},
			{"reminder", func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
				return n.Reminded(ctx, tx, tk, w.now.Add(72*time.Hour))
			}, "is waiting for your answer. You find our last message below."},
			{"merge", func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
				return n.Merged(ctx, tx, tk, target)
			}, "is now handled in ticket #" + strconv.FormatInt(target.ID, 10)},
		} {
			w.do(t, step.send)
			has(t, step.what+" to Otto", w.one(t, "otto@mueller.test", step.what), []string{step.says, replyHint},
				append(noPortal, "Rate the resolution"))
			// Anna signs in: her copy keeps the button to the ticket and her settings.
			anna, button := w.one(t, "anna@mueller.test", step.what), link
			if step.what == "merge" { // its button opens the target
				button = w.origin + "/tickets/" + strconv.FormatInt(target.ID, 10)
			}
			has(t, step.what+" to Anna", anna, []string{step.says, button, "/settings/notifications"}, []string{replyHint})
		}
		// The reminder says both: answer by mail, and by when.
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.Reminded(ctx, tx, tk, w.now.Add(72*time.Hour))
		})
		has(t, "reminder's lines", w.one(t, "otto@mueller.test", "reminder"),
			[]string{replyHint + " If we do not hear from you by"}, []string{"Please reply to this email or answer in the customer portal"})
		w.mailsTo(t, "anna@mueller.test")

		// The tenant's own wording reaches Otto, less the paragraph with {{link}}.
		if err := mailtmpl.Save(ctx, d, w.ten.ID, "mail.ticket_reply", "en", mailtmpl.Text{Subject: "Re {{ticket}}",
			Body: "{{author}} wrote.\n\nSee {{link}} for more.", Button: "Look"}, "test", w.now); err != nil {
			t.Fatal(err)
		}
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.Replied(ctx, tx, tk, "One more thing.", agent)
		})
		has(t, "own wording to Otto", w.one(t, "otto@mueller.test", "own wording"),
			[]string{"Agent Maria wrote.", replyHint}, append(noPortal, "Look", "See "))
		has(t, "own wording to Anna", w.one(t, "anna@mueller.test", "own wording"),
			[]string{"Agent Maria wrote.", "See " + link, "Look:"}, nil)
	})
}

// TestMailsWithoutPortalOrReply: without a support address nobody can answer a mail,
// so a contact without portal access gets neither the button nor the hint to reply.
func TestMailsWithoutPortalOrReply(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newNotifyWorld(t, d, false)
		tk := w.create(t, w.otto, nil, "Heating cold")
		has(t, "confirmation", w.one(t, "otto@mueller.test", "confirmation"),
			[]string{"Thank you for your request #" + strconv.FormatInt(tk.ID, 10)},
			[]string{"/tickets/", "customer portal", replyHint, "reply above this line"})
		w.do(t, func(ctx context.Context, tx *db.Tx, n ticket.Notifier) error {
			return n.Replied(ctx, tx, tk, "Fixed.", ticket.Actor{StaffID: w.maria.ID, Name: "Agent Maria"})
		})
		has(t, "reply", w.one(t, "otto@mueller.test", "reply"), []string{"Fixed."}, []string{"/tickets/", replyHint})
	})
}
