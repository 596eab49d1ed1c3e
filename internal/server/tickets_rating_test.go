package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// askRatings switches the tenant's "ask contacts to rate resolved tickets" on or off
// through the back office's helpdesk settings, as an admin does.
func (h *helpdesk) askRatings(t *testing.T, on bool) {
	t.Helper()
	form := url.Values{"reopen": {"1"}, "upload_mb": {"20"}}
	if on {
		form.Set("ratings", "1")
	}
	if r := h.staffC.Post("/admin/settings/helpdesk", form); r.Status != 303 {
		t.Fatalf("helpdesk settings: %d %.300s", r.Status, r.Body)
	}
	if rules, _ := tenant.GetTicketRules(context.Background(), h.env.DB, h.ten.ID); rules.Ratings != on || !rules.Reopen {
		t.Fatalf("ratings setting not stored: %+v", rules)
	}
}

// setStatus moves the ticket to the status of code through the back office.
func (h *helpdesk) setStatus(t *testing.T, id int64, code string) {
	t.Helper()
	r := h.staffC.Post("/admin/tickets/"+itoa64(id)+"/status", url.Values{"status": {itoa64(statusID(t, h.env, h.ten.ID, code))}})
	if r.Status != 303 {
		t.Fatalf("status %s: %d %.300s", code, r.Status, r.Body)
	}
}

// portal logs a contact of the helpdesk world into the portal.
func (h *helpdesk) portal(email, pw string) *apptest.Client {
	c := h.env.Client("hd.test")
	c.Login(email, pw)
	return c
}

// TestTicketRatingPortal: the opener of a resolved ticket rates it once per
// resolution from the ticket page and may change the rating while it stays done; the
// main contact who did not open it sees no card and is refused like for a foreign
// ticket (404). Bad input comes back with a message in the contact's language and
// the typed comment; an open ticket and a switched-off setting are refused with a
// word why. A ticket support never answered publicly is not offered for rating. A
// billed ticket can be rated, and rating changes nothing about the ticket.
func TestTicketRatingPortal(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		de := i18n.For("de")
		id := h.open(t, h.acme, h.bernd, "Drucker streikt")
		page, rate := "/tickets/"+itoa64(id), "/tickets/"+itoa64(id)+"/rating"
		bernd, anna := h.portal("bernd@acme.test", "bernd-password-1"), h.portal("anna@acme.test", "anna-password-1")
		ratings := func() int {
			return count(t, h.env, `SELECT COUNT(*) FROM ticket_ratings WHERE ticket_id = `+itoa64(id))
		}

		// Off by default: no card, and a POST says ratings are not asked for.
		h.setStatus(t, id, ticket.CodeResolved)
		if r := bernd.Get(page); r.Status != 200 || strings.Contains(r.Body, `id="rate"`) {
			t.Fatalf("card while ratings are off: %d", r.Status)
		}
		if r := bernd.Post(rate, url.Values{"rating": {"good"}}); r.Status != 409 || !strings.Contains(r.Body, de.T("ticket_rating.error.off")) {
			t.Errorf("rating while off: %d", r.Status)
		}
		h.askRatings(t, true)
		// Support never answered (an internal note is no answer): nothing to rate yet,
		// and a form made by hand is refused with a word why.
		if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "note", "body": "intern"}); r.Status != 303 {
			t.Fatalf("note: %d", r.Status)
		}
		if r := bernd.Get(page); r.Status != 200 || strings.Contains(r.Body, `id="rate"`) {
			t.Errorf("card on a ticket support never answered: %d", r.Status)
		}
		if r := bernd.Post(rate, url.Values{"rating": {"good"}}); r.Status != 409 || !strings.Contains(r.Body, de.T("portal_qa.rating_unanswered")) || ratings() != 0 {
			t.Errorf("rating an unanswered ticket: %d", r.Status)
		}
		if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "reply", "body": "Toner getauscht."}); r.Status != 303 {
			t.Fatalf("staff answer: %d %.300s", r.Status, r.Body)
		}
		if r := bernd.Get(page); !strings.Contains(r.Body, `id="rate"`) || !strings.Contains(r.Body, de.T("ticket_rating.question")) {
			t.Fatalf("no rating card for the opener: %.300s", r.Body)
		}
		// The mail's rating link leads to the card, also by way of the login page.
		if r := bernd.Get(page + "/rating"); r.Status != 303 || r.Location != page+"#rate" {
			t.Errorf("rating link: %d %q", r.Status, r.Location)
		}
		// A refused rating re-renders the whole page: the form's #rate brings the card with its errors into view.
		if r := bernd.Get(page); !strings.Contains(r.Body, `action="`+rate+`#rate"`) {
			t.Errorf("the rating form does not post to %s#rate", rate)
		}
		if r := anna.Get(page); r.Status != 200 || strings.Contains(r.Body, `id="rate"`) {
			t.Errorf("main contact who did not open it sees the card: %d", r.Status)
		}

		long := strings.Repeat("lang ", ticket.MaxRatingComment/5) + "!"
		for _, c := range []struct {
			name   string
			as     *apptest.Client
			form   url.Values
			status int
			want   string
			keep   string // typed text the page shows again
		}{
			{"missing value", bernd, url.Values{"comment": {"ohne Wahl"}}, 422, de.T("ticket_rating.error.choose"), "ohne Wahl"},
			{"unknown value", bernd, url.Values{"rating": {"great"}, "comment": {"zu gut"}}, 422, de.T("ticket_rating.error.choose"), "zu gut"},
			{"too long comment", bernd, url.Values{"rating": {"bad"}, "comment": {long}}, 422, de.T("error.too_long", map[string]any{"Max": ticket.MaxRatingComment}), "lang lang lang"},
			{"control character", bernd, url.Values{"rating": {"bad"}, "comment": {"Glocke\x07"}}, 422, de.T("error.control"), "Glocke"},
			{"not the opener", anna, url.Values{"rating": {"good"}}, 404, "", ""},
		} {
			r := c.as.Post(rate, c.form)
			if r.Status != c.status || !strings.Contains(r.Body, c.want) {
				t.Errorf("%s: %d, want %d with %q", c.name, r.Status, c.status, c.want)
			}
			if !strings.Contains(r.Body, c.keep) {
				t.Errorf("%s: the typed comment is lost", c.name)
			}
		}
		if n := ratings(); n != 0 {
			t.Fatalf("refused ratings stored: %d", n)
		}

		// Rated, then changed while the ticket is still done (now billed, too).
		if r := bernd.Post(rate, url.Values{"rating": {"bad"}, "comment": {"Hat gedauert.\r\nZweite Zeile"}}); r.Status != 303 || r.Location != page+"#rate" {
			t.Fatalf("rate: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.SetBilled(ctx, tx, tk, true, by, tk.UpdatedAt)
		})
		before := staffTicket(t, h.env, h.ten.ID, id)
		if r := bernd.Post(rate, url.Values{"rating": {"good"}, "comment": {"Doch gut."}}); r.Status != 303 {
			t.Fatalf("change rating of a billed ticket: %d %.300s", r.Status, r.Body)
		}
		r := bernd.Get(page)
		if !strings.Contains(r.Body, de.T("ticket_rating.you_rated")+` <span class="badge ok">`) || !strings.Contains(r.Body, de.T("ticket_rating.value.good")) ||
			!strings.Contains(r.Body, "Doch gut.") || strings.Contains(r.Body, "Hat gedauert") {
			t.Errorf("page after rating: %.2000s", r.Body)
		}
		after := staffTicket(t, h.env, h.ten.ID, id)
		if n := ratings(); n != 1 || after.Status.ID != before.Status.ID || !after.UpdatedAt.Equal(before.UpdatedAt) ||
			len(after.Events) != len(before.Events) || len(after.Messages) != len(before.Messages) {
			t.Errorf("ratings %d; ticket changed: %+v → %+v", n, before.Ticket, after.Ticket)
		}

		// Reopened: no card and no rating; resolved again: a new rating, both kept.
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.SetBilled(ctx, tx, tk, false, by, tk.UpdatedAt)
		})
		if r := bernd.Post(page+"/reopen", nil); r.Status != 303 {
			t.Fatalf("reopen: %d", r.Status)
		}
		if r := bernd.Get(page); strings.Contains(r.Body, `id="rate"`) {
			t.Errorf("card on a reopened ticket")
		}
		// The comment typed has no card to go back into: it stands beside the message.
		if r := bernd.Post(rate, url.Values{"rating": {"good"}, "comment": {"noch offen <b>"}}); r.Status != 409 ||
			!strings.Contains(r.Body, de.T("ticket_rating.error.not_open")) || !strings.Contains(r.Body, "noch offen &lt;b&gt;</blockquote>") {
			t.Errorf("rating an open ticket: %d %.3000s", r.Status, r.Body)
		}
		h.setStatus(t, id, ticket.CodeClosed)
		if r := bernd.Get(page); !strings.Contains(r.Body, de.T("ticket_rating.question")) || strings.Contains(r.Body, "Doch gut.") {
			t.Errorf("second resolution shows the first one's rating")
		}
		if r := bernd.Post(rate, url.Values{"rating": {"bad"}}); r.Status != 303 {
			t.Fatalf("second rating: %d", r.Status)
		}
		list, err := ticket.Ratings(ctx, h.env.DB, h.ten.ID, id)
		if err != nil || len(list) != 2 || list[0].Value != "bad" || list[1].Value != "good" || list[1].Comment != "Doch gut." {
			t.Errorf("ratings kept: %+v %v", list, err)
		}

		// Both ratings are in the opener's data export.
		_, resp := exportOf(t, bernd)
		var x struct {
			Tickets []struct {
				Number  int64 `json:"number"`
				Ratings []struct {
					Resolution int    `json:"resolution"`
					Rating     string `json:"rating"`
					Comment    string `json:"comment"`
				} `json:"ratings"`
			} `json:"tickets"`
		}
		if err := json.Unmarshal([]byte(resp.Body), &x); err != nil || len(x.Tickets) != 1 || len(x.Tickets[0].Ratings) != 2 ||
			x.Tickets[0].Ratings[1].Comment != "Doch gut." || x.Tickets[0].Ratings[0].Rating != "bad" || x.Tickets[0].Ratings[0].Resolution != 2 {
			t.Errorf("export: %v %+v", err, x)
		}

		// Switched off again: the card goes, a stale form is refused.
		h.askRatings(t, false)
		if r := bernd.Post(rate, url.Values{"rating": {"good"}}); r.Status != 409 {
			t.Errorf("rating after switching off: %d", r.Status)
		}
		if r := bernd.Get(page); strings.Contains(r.Body, `id="rate"`) {
			t.Errorf("card after switching off")
		}
	})
}
