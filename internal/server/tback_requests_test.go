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

// selectOptions is the options of the select whose id attribute is sel on page.
func selectOptions(t *testing.T, page, sel string) string {
	t.Helper()
	i := strings.Index(page, `id="`+sel+`"`)
	if i < 0 {
		t.Fatalf("no select %s", sel)
	}
	return page[i : i+strings.Index(page[i:], "</select>")]
}

// TestRequestOutcomesByDecisionOnly: "accepted" and "declined" are never plain
// statuses — not in the side select, the reply form's or the queue's bulk actions,
// and refused when sent anyway — also after the request was accepted, so an accepted
// request is never declined without a reason beside "Request: Accepted". A declined
// request keeps its reason, is final in the portal (no reopening, no rating; a stale
// reopen is refused with its own message) and reads "declined" in the back office.
// Staff who move it back to an open status take the decision back: it is undecided
// again, its card back for a new decision.
func TestRequestOutcomesByDecisionOnly(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		accepted, declined := itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeAccepted)), itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeDeclined))
		yes := h.open(t, h.acme, h.anna, "Neuer Drucker")
		path := "/admin/tickets/" + itoa64(yes)
		if r := h.staffC.Post(path+"/accept", nil); r.Status != 303 {
			t.Fatalf("accept: %d", r.Status)
		}
		page := h.staffC.Get(path).Body
		for _, sel := range []string{"f-status", "f-reply-status"} {
			if options := selectOptions(t, page, sel); strings.Contains(options, `value="`+declined+`"`) {
				t.Errorf("the status select %s of an accepted request offers declined", sel)
			}
		}
		if queue := h.staffC.Get("/admin/tickets").Body; strings.Contains(queue, `value="status:`+declined+`"`) || strings.Contains(queue, `value="status:`+accepted+`"`) {
			t.Errorf("the bulk actions offer a request's outcome")
		}
		want := mergeWant("qa2_desk.error.request_outcome")
		if r := h.staffC.Post(path+"/status", url.Values{"status": {declined}}); r.Status != 422 || !strings.Contains(r.Body, want) {
			t.Errorf("declining an accepted request by status: %d", r.Status)
		}
		if r := h.staffC.Post("/admin/tickets/bulk", url.Values{"ids": {itoa64(yes)}, "action": {"status:" + declined}}); r.Status != 303 ||
			!strings.Contains(h.staffC.Get(r.Location).Body, "1 übersprungen (eine Anfrage wird auf ihrer Seite") {
			t.Errorf("bulk decline: %d, no skip message", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, yes); d.RequestState != ticket.RequestAccepted || d.Status.Code != ticket.CodeAccepted {
			t.Errorf("accepted request changed: %s %s", d.RequestState, d.Status.Code)
		}

		// Declined with its reason: final for the customer.
		no := h.open(t, h.acme, h.anna, "Privatlaptop einrichten")
		path = "/admin/tickets/" + itoa64(no)
		if r := h.staffC.Post(path+"/decline", url.Values{"reason": {"Private Geräte betreuen wir nicht."}}); r.Status != 303 {
			t.Fatalf("decline: %d", r.Status)
		}
		page = h.staffC.Get(path).Body
		facts := page[strings.Index(page, `id="facts-h"`):]
		facts = facts[:strings.Index(facts, "</section>")]
		if !strings.Contains(facts, "Abgelehnt") || strings.Contains(facts, "Angenommen") || !strings.Contains(facts, "Private Geräte betreuen wir nicht.") {
			t.Errorf("the details do not read the decline with its reason")
		}
		anna := h.portal("anna@acme.test", "anna-password-1")
		portal := anna.Get("/tickets/" + itoa64(no)).Body
		if strings.Contains(portal, `href="#reopen"`) || strings.Contains(portal, `id="rate"`) {
			t.Errorf("the portal offers reopening or rating a declined request")
		}
		if note := html.EscapeString(i18n.For("en").T("tback_fix.portal.declined_note")); !strings.Contains(portal, note) {
			t.Errorf("the portal does not say the request was declined for good")
		}
		if r := anna.Post("/tickets/"+itoa64(no)+"/reopen", nil); r.Status != 409 ||
			!strings.Contains(r.Body, html.EscapeString(i18n.For("en").T("tback_fix.portal.error.declined"))) {
			t.Errorf("reopening a declined request: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, no); d.RequestState != ticket.RequestDeclined || d.Status.Code != ticket.CodeDeclined {
			t.Errorf("declined request reopened: %s %s", d.RequestState, d.Status.Code)
		}

		// Staff reconsider: an open status makes it undecided again.
		h.setStatus(t, no, ticket.CodeNew)
		d := staffTicket(t, h.env, h.ten.ID, no)
		if d.RequestState != ticket.RequestPending || d.DecisionReason != "" {
			t.Errorf("reopened declined request: %s %q", d.RequestState, d.DecisionReason)
		}
		if page := h.staffC.Get(path).Body; !strings.Contains(page, `action="`+path+`/accept"`) {
			t.Errorf("no request card after taking the decline back")
		}
	})
}

// TestUndecidedRequestFinished: an undecided request may be closed without a decision
// (the reply form's status); then its card is gone, the queue's "requests to decide"
// leave it out and deciding it is refused with a red message, no mail "accepted" about
// a closed ticket. Reopened, it is "new" with
// its card; accepting a request already in progress keeps that status, declining it
// says in the history which status it left.
func TestUndecidedRequestFinished(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		tk := h.open(t, h.acme, h.anna, "VPN bricht ab")
		path := "/admin/tickets/" + itoa64(tk)
		closed := itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeClosed))
		if r := h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Erledigt.", "status": closed}); r.Status != 303 {
			t.Fatalf("reply and close: %d %.300s", r.Status, r.Body)
		}
		if page := h.staffC.Get(path).Body; strings.Contains(page, `action="`+path+`/accept"`) {
			t.Errorf("a closed request still offers its card")
		}
		if listed(h.staffC.Get("/admin/tickets?state=all&pending=1").Body, tk) {
			t.Errorf("the queue lists a closed request among those to decide")
		}
		mails := len(mailsFor(t, h.env, tk))
		r := h.staffC.Post(path+"/accept", nil)
		if r.Status != 303 {
			t.Fatalf("accept a closed request: %d", r.Status)
		}
		page := h.staffC.Get(r.Location).Body
		if !strings.Contains(page, `class="flash error"`) || !strings.Contains(page, mergeWant("tback_fix.decide_done")) {
			t.Errorf("deciding a closed request is not refused as an error")
		}
		if d := staffTicket(t, h.env, h.ten.ID, tk); d.RequestState != ticket.RequestPending || d.Status.Code != ticket.CodeClosed || len(mailsFor(t, h.env, tk)) != mails {
			t.Errorf("closed request decided: %s %s", d.RequestState, d.Status.Code)
		}

		h.setStatus(t, tk, ticket.CodeProgress) // reopened and worked on before deciding
		if page := h.staffC.Get(path).Body; !strings.Contains(page, `action="`+path+`/accept"`) {
			t.Errorf("reopened request without its card")
		}
		if !listed(h.staffC.Get("/admin/tickets?state=all&pending=1").Body, tk) {
			t.Errorf("the queue leaves a reopened request out of those to decide")
		}
		if r := h.staffC.Post(path+"/accept", nil); r.Status != 303 {
			t.Fatalf("accept: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, tk); d.RequestState != ticket.RequestAccepted || d.Status.Code != ticket.CodeProgress {
			t.Errorf("accepting a request in progress: %s %s", d.RequestState, d.Status.Code)
		}

		other := h.open(t, h.acme, h.anna, "Zweiter Wunsch")
		h.setStatus(t, other, ticket.CodeProgress)
		if r := h.staffC.Post("/admin/tickets/"+itoa64(other)+"/decline", url.Values{"reason": {"Nicht bei uns."}}); r.Status != 303 {
			t.Fatalf("decline: %d", r.Status)
		}
		want := html.EscapeString(i18n.For("de").T("tback_fix.event.declined_moved", map[string]any{"Actor": h.admin.Name,
			"From": "In Bearbeitung", "To": "Abgelehnt"}))
		if page := h.staffC.Get("/admin/tickets/" + itoa64(other)).Body; !strings.Contains(page, want) {
			t.Errorf("history does not name the status the decline left: want %q", want)
		}
	})
}

// TestDeclinedRequestMailReply: an answer by mail to a declined request does not
// reopen it (final for the customer, ticket.ErrDeclined): it goes to the staff inbox,
// as an answer to a closed ticket does when reopening is off.
func TestDeclinedRequestMailReply(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, send := mailDesk(t, e)
		ctx := context.Background()
		alice := d.as("alice@alpha.test", "alice-password")
		id := d.open(t, alice, "Privates Handy")
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			return ticket.Decide(ctx, tx, tk, false, "Private Geräte betreuen wir nicht.", staffActor, now())
		})
		tk, err := ticket.ForStaff(ctx, d.env.DB, d.t.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		replyTo := "support+" + ticket.RecipientToken(tk, "alice@alpha.test") + "@desk.test"
		send("alice@alpha.test", replyTo, "Subject: Re: Privates Handy\r\n", "Warum denn nicht?\r\n")
		if tk, _ = ticket.ForStaff(ctx, d.env.DB, d.t.ID, id); tk.Status.Code != ticket.CodeDeclined || tk.RequestState != ticket.RequestDeclined {
			t.Errorf("a mail reopened the declined request: %s %s", tk.Status.Code, tk.RequestState)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM inbox_items WHERE tenant_id = ? AND kind = 'mail' AND email = 'alice@alpha.test'`, d.t.ID); n != 1 {
			t.Errorf("answer to a declined request not in the inbox: %d", n)
		}
	})
}
