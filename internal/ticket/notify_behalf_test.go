package ticket_test

import (
	"context"
	"strconv"
	"testing"

	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/testutil"
)

// TestStaffOpenedForContact: a ticket Agent Maria opens on Anna's behalf reaches the
// other agents as Maria's, for Anna, not as if Anna had opened it; Maria gets no mail
// about her own work. A ticket Anna opens herself still names her. A tenant's own
// wording of the usual new-ticket mail keeps applying to customers' tickets and is not
// used for tickets a colleague opened, which it would credit to the customer.
func TestStaffOpenedForContact(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newNotifyWorld(t, d, true)

		tk := w.create(t, w.anna, &w.maria, "Heating cold")
		no := "#" + strconv.FormatInt(tk.ID, 10)
		m := w.one(t, "bob@service.test", "ticket opened by staff")
		has(t, "ticket opened by staff", m,
			[]string{"Agent Maria has opened ticket " + no + " for Anna Müller (Müller Haustechnik GmbH):",
				"The heating is cold.", w.origin + "/admin/tickets/" + strconv.FormatInt(tk.ID, 10)},
			[]string{"Anna Müller of", "has opened ticket " + no + ":"})
		if m.Subject != "["+no+"] New ticket for Müller Haustechnik GmbH: Heating cold" {
			t.Errorf("subject: %q", m.Subject)
		}
		if got := w.mailsTo(t, "maria@service.test"); len(got) != 0 {
			t.Errorf("Maria was told about her own ticket: %+v", got)
		}
		// Anna hears the ticket was opened for her (mailack_test.go), with the portal button.
		has(t, "opened for Anna", w.one(t, "anna@mueller.test", "opened for Anna"),
			[]string{"Agent Maria has opened ticket " + no, w.origin + "/tickets/" + strconv.FormatInt(tk.ID, 10)}, nil)

		own := w.create(t, w.anna, nil, "Boiler noise")
		has(t, "customer's ticket", w.one(t, "bob@service.test", "customer's ticket"),
			[]string{"Anna Müller of Müller Haustechnik GmbH has opened ticket #" + strconv.FormatInt(own.ID, 10) + ":"},
			[]string{"Agent Maria"})
		w.mailsTo(t, "anna@mueller.test")
		w.mailsTo(t, "maria@service.test")

		// The tenant's own wording of the usual mail (English).
		ctx := context.Background()
		if err := mailtmpl.Save(ctx, d, w.ten.ID, "mail.ticket_new_staff", "en", mailtmpl.Text{Subject: "Neu: {{title}}",
			Greeting: "Hi {{first_name}},", Body: "{{author}} from {{company}} needs help.", Button: "Go"}, "test", w.now); err != nil {
			t.Fatal(err)
		}
		w.create(t, w.anna, nil, "Pipe leak")
		has(t, "custom wording, customer's ticket", w.one(t, "bob@service.test", "custom wording"),
			[]string{"Anna Müller from Müller Haustechnik GmbH needs help."}, nil)
		w.mailsTo(t, "anna@mueller.test")
		w.create(t, w.anna, &w.maria, "Radiator")
		has(t, "custom wording, staff's ticket", w.one(t, "bob@service.test", "custom wording, staff"),
			[]string{"Agent Maria has opened ticket", "for Anna Müller (Müller Haustechnik GmbH)"},
			[]string{"Anna Müller from", "needs help"})
		// The tenant can word that mail too; its placeholders fill in.
		if err := mailtmpl.Save(ctx, d, w.ten.ID, "mail.ticket_new_on_behalf_staff", "en", mailtmpl.Text{Subject: "Für {{contact}}",
			Body: "{{author}} typed in {{title}} for {{contact}} of {{company}}.", Button: "Go"}, "test", w.now); err != nil {
			t.Fatal(err)
		}
		w.create(t, w.anna, &w.maria, "Valve")
		m = w.one(t, "bob@service.test", "own wording of the staff variant")
		has(t, "own wording of the staff variant", m, []string{"Agent Maria typed in Valve for Anna Müller of Müller Haustechnik GmbH."}, nil)
		if m.Subject != "Für Anna Müller" {
			t.Errorf("subject: %q", m.Subject)
		}
	})
}
