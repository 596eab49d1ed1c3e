package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestMergeIntoResolvedReopens: the confirmation warns that merging an open ticket into
// a resolved one reopens it; the merge then reopens the target, takes the source's
// higher priority and tells both in the target's history.
func TestMergeIntoResolvedReopens(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		source := h.open(t, h.acme, h.bernd, "Drucker brennt", func(n *ticket.New) { n.Priority = ticket.PriorityUrgent })
		target := h.open(t, h.acme, h.anna, "Drucker alt")
		h.setStatus(t, target, ticket.CodeResolved)
		path := "/admin/tickets/" + itoa64(source) + "/merge"
		r := h.staffC.Post(path, url.Values{"target": {itoa64(target)}})
		if r.Status != 200 || !strings.Contains(r.Body, "Das Zusammenführen eines offenen Tickets öffnet es wieder") {
			t.Fatalf("confirmation without the reopen warning: %d", r.Status)
		}
		if r := h.staffC.Post(path, url.Values{"target": {itoa64(target)}, "confirm": {"1"}}); r.Status != 303 {
			t.Fatalf("merge: %d %.300s", r.Status, r.Body)
		}
		d := staffTicket(t, h.env, h.ten.ID, target)
		if d.Done() || d.Status.Kind != ticket.KindOpen {
			t.Errorf("target stays %s after an open ticket was merged in", d.Status.Code)
		}
		if d.Priority != ticket.PriorityUrgent {
			t.Errorf("target priority %d, want the source's urgent", d.Priority)
		}
		kinds := map[string]string{}
		for _, ev := range d.Events {
			kinds[ev.Kind] = ev.Note
		}
		if kinds["reopened"] != itoa64(source) || kinds[ticket.EventMergePriority] != "urgent" {
			t.Errorf("history misses the reopen or the priority: %v", kinds)
		}
		page := h.staffC.Get("/admin/tickets/" + itoa64(target)).Body
		if !strings.Contains(page, "#"+itoa64(source)) || strings.Contains(page, ": "+ticket.EventMergePriority) {
			t.Errorf("history lines not written out")
		}

		// An open target stays as it is; a resolved source does not reopen a resolved target.
		s2, t2 := h.open(t, h.acme, h.anna, "Done source"), h.open(t, h.acme, h.anna, "Done target")
		h.setStatus(t, s2, ticket.CodeResolved)
		h.setStatus(t, t2, ticket.CodeClosed)
		r = h.staffC.Post("/admin/tickets/"+itoa64(s2)+"/merge", url.Values{"target": {itoa64(t2)}})
		if strings.Contains(r.Body, "Das Zusammenführen eines offenen Tickets öffnet es wieder") {
			t.Errorf("warning for a finished source")
		}
		h.staffC.Post("/admin/tickets/"+itoa64(s2)+"/merge", url.Values{"target": {itoa64(t2)}, "confirm": {"1"}})
		if d := staffTicket(t, h.env, h.ten.ID, t2); d.Status.Code != ticket.CodeClosed {
			t.Errorf("finished merge reopened the target: %s", d.Status.Code)
		}
	})
}

// TestUndecidedRequestStatus: the status selects of an undecided request do not offer
// "accepted" or "declined"; a POST that sends one anyway (plain status, reply, bulk)
// is refused and the request stays undecided, and so it is after the decision.
func TestUndecidedRequestStatus(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		tk := h.open(t, h.acme, h.anna, "Neuer Zugang")
		path := "/admin/tickets/" + itoa64(tk)
		declined, accepted := itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeDeclined)), itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeAccepted))
		page := h.staffC.Get(path).Body
		for _, sel := range []string{`id="f-status"`, `id="f-reply-status"`} {
			i := strings.Index(page, sel)
			if i < 0 {
				t.Fatalf("no status select %s", sel)
			}
			options := page[i : i+strings.Index(page[i:], "</select>")]
			if strings.Contains(options, `value="`+declined+`"`) || strings.Contains(options, `value="`+accepted+`"`) {
				t.Errorf("the status select %s of an undecided request offers its outcomes", sel)
			}
		}
		want := mergeWant("qa2_desk.error.request_outcome")
		for _, id := range []string{declined, accepted} {
			if r := h.staffC.Post(path+"/status", url.Values{"status": {id}}); r.Status != 422 || !strings.Contains(r.Body, want) {
				t.Errorf("plain status %s: %d", id, r.Status)
			}
		}
		r := h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Abgelehnt", "status": declined})
		if r.Status != 422 || !strings.Contains(r.Body, want) {
			t.Errorf("reply with the declined status: %d", r.Status)
		}
		if r := h.staffC.Post("/admin/tickets/bulk", url.Values{"ids": {itoa64(tk)}, "action": {"status:" + declined}}); r.Status != 303 ||
			!strings.Contains(h.staffC.Get(r.Location).Body, "1 übersprungen (eine Anfrage wird auf ihrer Seite") {
			t.Errorf("bulk status: %d, no skip message", r.Status)
		}
		d := staffTicket(t, h.env, h.ten.ID, tk)
		if d.RequestState != ticket.RequestPending || d.Status.Code != ticket.CodeNew || len(d.Messages) != 1 {
			t.Errorf("request changed: %s %s, %d messages", d.RequestState, d.Status.Code, len(d.Messages))
		}
		// Decided, the outcomes stay the decision's (TestRequestOutcomesByDecisionOnly).
		if r := h.staffC.Post(path+"/accept", nil); r.Status != 303 {
			t.Fatalf("accept: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/status", url.Values{"status": {declined}}); r.Status != 422 {
			t.Errorf("declined as a status after the decision: %d", r.Status)
		}
	})
}

// TestBillingOnlyFinished: an open ticket is not billed (422, no button); a resolved
// one offers the button with a confirmation and is billed; the queue filters billed
// and not billed tickets.
func TestBillingOnlyFinished(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		open, done, billed := h.open(t, h.acme, h.anna, "Offen Zebra"), h.open(t, h.acme, h.anna, "Fertig Zebra"), h.open(t, h.acme, h.anna, "Bezahlt Zebra")
		p := func(id int64) string { return "/admin/tickets/" + itoa64(id) }
		if page := h.staffC.Get(p(open)).Body; strings.Contains(page, `name="billed" value="1"`) {
			t.Errorf("an open ticket offers billing")
		}
		if r := h.staffC.Post(p(open)+"/billed", url.Values{"billed": {"1"}}); r.Status != 422 || !strings.Contains(r.Body, mergeWant("qa2_desk.error.bill_open")) {
			t.Errorf("billing an open ticket: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, open); d.Billed {
			t.Errorf("open ticket billed")
		}
		h.setStatus(t, done, ticket.CodeResolved)
		h.setStatus(t, billed, ticket.CodeClosed)
		if page := h.staffC.Get(p(done)).Body; !strings.Contains(page, `data-confirm="`) || !strings.Contains(page, `name="billed" value="1"`) {
			t.Errorf("a resolved ticket offers no confirmed billing")
		}
		if r := h.staffC.Post(p(billed)+"/billed", url.Values{"billed": {"1"}}); r.Status != 303 {
			t.Fatalf("billing a closed ticket: %d", r.Status)
		}
		for q, want := range map[string][]int64{"state=done&billed=no&q=Zebra": {done}, "state=all&billed=yes&q=Zebra": {billed}, "state=all&q=Zebra": {open, done, billed}} {
			body := h.staffC.Get("/admin/tickets?" + q).Body
			for _, id := range []int64{open, done, billed} {
				listed := strings.Contains(body, `href="/admin/tickets/`+itoa64(id)+`"`)
				if listed != containsID(want, id) {
					t.Errorf("%s: ticket %d listed %v", q, id, listed)
				}
			}
		}
	})
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// TestQueueCompanySearch: a company name search that finds nothing or several says
// so and lists no tickets (the several as choices); one match chooses it.
func TestQueueCompanySearch(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		acme, beta := h.open(t, h.acme, h.anna, "Acme ticket"), h.open(t, h.beta, h.clara, "Beta ticket")
		h.env.Company(h.ten, "Acme Zwei GmbH")
		link := func(id int64) string { return `href="/admin/tickets/` + itoa64(id) + `"` }
		body := h.staffC.Get("/admin/tickets?cq=Nirgendwo").Body
		if !strings.Contains(body, "Nirgendwo") || !strings.Contains(body, "Keine Firma zu") || strings.Contains(body, link(acme)) || strings.Contains(body, link(beta)) {
			t.Errorf("no match: message missing or every company's tickets listed")
		}
		body = h.staffC.Get("/admin/tickets?cq=Acme").Body
		if !strings.Contains(body, "2 Firmen passen") || strings.Contains(body, link(acme)) || strings.Contains(body, link(beta)) {
			t.Errorf("several matches: no choice offered, or tickets listed")
		}
		choose := "/admin/tickets?company=" + itoa64(h.acme.ID)
		if !strings.Contains(body, `href="`+choose+`"`) {
			t.Errorf("the matches are no links that choose them")
		}
		if body = h.staffC.Get(choose).Body; !strings.Contains(body, link(acme)) || strings.Contains(body, link(beta)) {
			t.Errorf("the chosen match does not filter")
		}
		if body = h.staffC.Get("/admin/tickets?cq=Beta").Body; !strings.Contains(body, link(beta)) || strings.Contains(body, link(acme)) {
			t.Errorf("a single match does not filter")
		}
	})
}
