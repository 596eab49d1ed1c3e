package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketRatingMail: the status mail of a resolved or closed ticket asks its opener
// to rate it, with a link to the rating card, only while the tenant asks for ratings
// and only once support answered the ticket; followers get no such line, nor do mails about other statuses. The line stands
// apart from the tenant's own wording of the mail, which stays in use, and comes with
// the combined reply-and-status mail too.
func TestTicketRatingMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		de, en := i18n.For("de"), i18n.For("en")
		id := h.open(t, h.acme, h.bernd, "Drucker streikt")
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.Follow(ctx, tx, tk, h.anna.ID, "Bernd", h.bernd.ID, 0, tk.CreatedAt)
		})
		link := "/tickets/" + itoa64(id) + "/rating"
		// last is the newest mail about the ticket to addr.
		last := func(addr string) string {
			t.Helper()
			var got string
			for _, m := range mailsFor(t, h.env, id) {
				if strings.HasPrefix(m, "To: "+addr+"\n") {
					got = m
				}
			}
			if got == "" {
				t.Fatalf("no mail to %s", addr)
			}
			return got
		}
		asks := func(m string) bool {
			return strings.Contains(m, link) && (strings.Contains(m, de.T("ticket_rating.mail_line")) || strings.Contains(m, en.T("ticket_rating.mail_line")))
		}

		// Resolved before support answered: nothing to rate, also with ratings asked for.
		h.askRatings(t, true)
		h.setStatus(t, id, ticket.CodeResolved)
		if m := last("bernd@acme.test"); asks(m) || strings.Contains(m, "/rating") {
			t.Errorf("rating asked for a ticket support never answered: %s", m)
		}
		h.askRatings(t, false)
		h.setStatus(t, id, ticket.CodeProgress)
		if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "reply", "body": "Wir schauen."}); r.Status != 303 {
			t.Fatalf("staff answer: %d %.300s", r.Status, r.Body)
		}
		h.setStatus(t, id, ticket.CodeResolved)
		if asks(last("bernd@acme.test")) {
			t.Errorf("rating asked for while the setting is off")
		}
		h.askRatings(t, true)
		h.setStatus(t, id, ticket.CodeWaiting)
		if m := last("bernd@acme.test"); asks(m) || strings.Contains(m, "/rating") {
			t.Errorf("rating asked for in a mail about an open status")
		}
		// The tenant's own wording of the status mail stays, the line comes along.
		if err := mailtmpl.Save(ctx, h.env.DB, h.ten.ID, "mail.ticket_status", "de", mailtmpl.Text{Subject: "Eigener Betreff {{ticket}}",
			Greeting: "Moin {{first_name}},", Body: "Neuer Stand: {{status}}.", Button: "Ansehen"}, "test", time.Now()); err != nil {
			t.Fatal(err)
		}
		h.setStatus(t, id, ticket.CodeResolved)
		m := last("bernd@acme.test")
		if !asks(m) || !strings.Contains(m, "Eigener Betreff") || !strings.Contains(m, "Neuer Stand:") {
			t.Errorf("opener's resolved mail: %s", m)
		}
		if f := last("anna@acme.test"); asks(f) || strings.Contains(f, "/rating") {
			t.Errorf("follower asked to rate: %s", f)
		}

		// A staff answer that resolves the ticket again asks in the one mail it sends.
		h.setStatus(t, id, ticket.CodeProgress)
		closed := statusID(t, h.env, h.ten.ID, ticket.CodeClosed)
		if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "reply",
			"body": "Erledigt.", "status": itoa64(closed)}); r.Status != 303 {
			t.Fatalf("reply with status: %d %.300s", r.Status, r.Body)
		}
		if m := last("bernd@acme.test"); !asks(m) || !strings.Contains(m, "Erledigt.") {
			t.Errorf("reply-and-status mail: %s", m)
		}
		if f := last("anna@acme.test"); asks(f) {
			t.Errorf("follower asked to rate in the reply mail")
		}
	})
}

// TestTicketRatingBackOffice: staff see the ratings on the ticket page with comment
// and resolution, filter the queue by the newest rating (with a badge on the row), and
// the dashboard shows the share of good ratings of the last 30 days.
func TestTicketRatingBackOffice(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		de := i18n.For("de") // the staff member's language
		h.askRatings(t, true)
		good := h.open(t, h.acme, h.bernd, "Good one")
		bad := h.open(t, h.acme, h.anna, "Bad one")
		none := h.open(t, h.acme, h.anna, "Unrated one")
		old := h.open(t, h.acme, h.anna, "Rated long ago")
		for _, id := range []int64{good, bad, none, old} {
			h.setStatus(t, id, ticket.CodeResolved)
		}
		rateAs := func(id, contactID int64, value, comment string, at time.Time) {
			t.Helper()
			tk, err := ticket.ForStaff(ctx, h.env.DB, h.ten.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			if err := ticket.Rate(ctx, h.env.DB, tk, contactID, value, comment, at); err != nil {
				t.Fatal(err)
			}
		}
		rateAs(good, h.bernd.ID, "good", "", time.Now())
		rateAs(bad, h.anna.ID, "bad", "Took <b>ages</b>", time.Now())
		rateAs(old, h.anna.ID, "good", "", time.Now().Add(-40*24*time.Hour))

		r := h.staffC.Get("/admin/tickets/" + itoa64(bad))
		if !strings.Contains(r.Body, `id="ratings"`) || !strings.Contains(r.Body, "Took &lt;b&gt;ages&lt;/b&gt;") ||
			!strings.Contains(r.Body, "badge danger") {
			t.Errorf("ticket page without the rating: %.300s", r.Body)
		}
		if r := h.staffC.Get("/admin/tickets/" + itoa64(none)); strings.Contains(r.Body, `id="ratings"`) {
			t.Errorf("ratings card on an unrated ticket")
		}

		for filter, want := range map[string][]int64{"good": {good, old}, "bad": {bad}, "none": {none}} {
			r := h.staffC.Get("/admin/tickets?rating=" + filter)
			for _, id := range []int64{good, bad, none, old} {
				in := false
				for _, w := range want {
					in = in || w == id
				}
				if listed(r.Body, id) != in {
					t.Errorf("rating=%s: ticket %d listed %v", filter, id, !in)
				}
			}
			if !strings.Contains(r.Body, `<option value="`+filter+`" selected`) {
				t.Errorf("rating=%s not shown as chosen", filter)
			}
		}
		r = h.staffC.Get("/admin/tickets?state=done")
		if !strings.Contains(r.Body, "badge danger") || !strings.Contains(r.Body, "badge ok") || !listed(r.Body, none) {
			t.Errorf("queue without rating badges")
		}
		if r := h.staffC.Get("/admin/tickets?rating=excellent&state=done"); r.Status != 200 || !listed(r.Body, none) || !listed(r.Body, bad) {
			t.Errorf("unknown rating filter is not ignored: %d", r.Status)
		}

		// Two ratings in the last 30 days, one good: 50 %.
		r = h.staffC.Get("/admin/")
		if !strings.Contains(r.Body, de.T("ticket_rating.dashboard.share", map[string]any{"Percent": 50})) ||
			!strings.Contains(r.Body, de.T("ticket_rating.dashboard.counts", map[string]any{"Good": 1, "Rated": 2})) {
			t.Errorf("dashboard figure missing: %.3000s", r.Body)
		}
	})
}
