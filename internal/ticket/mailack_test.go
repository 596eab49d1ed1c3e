package ticket_test

import (
	"context"
	"strconv"
	"testing"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/testutil"
)

// TestOpenedForYouMail: a ticket Agent Maria opens for Anna reaches Anna as one opened
// for her ("We have opened a ticket for you"), with the ticket's link, not as the thanks
// for a request of her own; a ticket Anna opens herself keeps that confirmation. Otto,
// who cannot sign in, gets the same wording without the portal button. The tenant can
// word the mail; Anna's "mail about my own tickets" switched off stops it like the
// confirmation.
func TestOpenedForYouMail(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newNotifyWorld(t, d, true)
		ctx := context.Background()

		tk := w.create(t, w.anna, &w.maria, "Heating cold")
		no := "#" + strconv.FormatInt(tk.ID, 10)
		m := w.one(t, "anna@mueller.test", "staff-opened ticket")
		has(t, "staff-opened ticket", m,
			[]string{"Agent Maria has opened ticket " + no + " for Müller Haustechnik GmbH for you.", "The heating is cold.",
				w.origin + "/tickets/" + strconv.FormatInt(tk.ID, 10)},
			[]string{"Thank you for your request", "as soon as possible", "received your request"})
		if m.Subject != "["+no+"] We have opened a ticket for you: Heating cold" {
			t.Errorf("subject: %q", m.Subject)
		}

		own := w.create(t, w.anna, nil, "Boiler noise")
		m = w.one(t, "anna@mueller.test", "Anna's own ticket")
		has(t, "Anna's own ticket", m, []string{"Thank you for your request #" + strconv.FormatInt(own.ID, 10)}, []string{"opened ticket"})
		if m.Subject != "[#"+strconv.FormatInt(own.ID, 10)+"] We have received your request: Boiler noise" {
			t.Errorf("subject: %q", m.Subject)
		}

		forOtto := w.create(t, w.otto, &w.maria, "Valve")
		has(t, "opened for Otto", w.one(t, "otto@mueller.test", "opened for Otto"),
			[]string{"Agent Maria has opened ticket #" + strconv.FormatInt(forOtto.ID, 10)},
			[]string{w.origin + "/tickets/", "Thank you for your request"})

		// The tenant's own wording, with the mail's placeholders.
		if err := mailtmpl.Save(ctx, d, w.ten.ID, "mail.ticket_opened_for_you", "en", mailtmpl.Text{Subject: "Für Sie: {{title}}",
			Greeting: "Hi {{first_name}},", Body: "{{author}} started {{ticket}} for {{company}}.", Button: "Go"}, "test", w.now); err != nil {
			t.Fatal(err)
		}
		tk = w.create(t, w.anna, &w.maria, "Pipe leak")
		m = w.one(t, "anna@mueller.test", "tenant's wording")
		has(t, "tenant's wording", m, []string{"Agent Maria started #" + strconv.FormatInt(tk.ID, 10) + " for Müller Haustechnik GmbH."}, nil)
		if m.Subject != "Für Sie: Pipe leak" {
			t.Errorf("subject: %q", m.Subject)
		}

		// "Mail about my own tickets" off: neither mail goes to Anna.
		if err := contact.SetNotifications(ctx, d, w.ten.ID, w.anna, contact.Notifications{Followed: true}); err != nil {
			t.Fatal(err)
		}
		w.create(t, w.anna, &w.maria, "Radiator")
		w.create(t, w.anna, nil, "Tap")
		if got := w.mailsTo(t, "anna@mueller.test"); len(got) != 0 {
			t.Errorf("Anna switched off mail about her own tickets but got %d: %+v", len(got), got)
		}
	})
}
