package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// mailLangs maps each recipient of the ticket's mails to the language of their last
// mail (from the HTML part's lang attribute).
func mailLangs(t *testing.T, mails []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range mails {
		to := strings.TrimPrefix(strings.SplitN(m, "\n", 2)[0], "To: ")
		if i := strings.Index(m, `<html lang="`); i >= 0 {
			out[to] = m[i+len(`<html lang="`) : i+len(`<html lang="`)+2]
		}
	}
	return out
}

// TestTicketsAdminStatusMail: a status change mails the contact and the followers,
// each in their own language; the same status again mails nobody; bad and unknown
// statuses are refused. Assignment and details change with their own forms.
func TestTicketsAdminStatusMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Printer jams")
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.Follow(ctx, tx, tk, h.bernd.ID, "Anna", h.anna.ID, 0, tk.CreatedAt)
		})
		path := "/admin/tickets/" + itoa64(id)
		resolved := statusID(t, h.env, h.ten.ID, ticket.CodeResolved)
		r := h.staffC.Post(path+"/status", url.Values{"status": {itoa64(resolved)}})
		if r.Status != 303 || r.Location != path {
			t.Fatalf("status: %d %.300s", r.Status, r.Body)
		}
		mails := mailsFor(t, h.env, id)
		langs := mailLangs(t, mails)
		if len(mails) != 2 || langs["anna@acme.test"] != "en" || langs["bernd@acme.test"] != "de" {
			t.Errorf("status mails: %d, languages %v", len(mails), langs)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.Status.ID != resolved || d.Events[len(d.Events)-1].Kind != "status" {
			t.Errorf("status not changed")
		}
		if r := h.staffC.Get(path); !strings.Contains(r.Body, "Der Status wurde geändert.") {
			t.Errorf("no confirmation after the change")
		}
		h.staffC.Post(path+"/status", url.Values{"status": {itoa64(resolved)}})
		if n := len(mailsFor(t, h.env, id)); n != 2 {
			t.Errorf("the same status again sent mail: %d", n)
		}
		if r := h.staffC.Post(path+"/status", url.Values{"status": {"abc"}}); r.Status != 422 || !strings.Contains(r.Body, "Bitte wählen Sie einen Status") {
			t.Errorf("bad status: %d", r.Status)
		}
		// A status the tenant does not have: the ticket page again, the message at the field.
		if r := h.staffC.Post(path+"/status", url.Values{"status": {"999999"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "Bitte wählen Sie einen Status") {
			t.Errorf("unknown status: %d", r.Status)
		}

		// Assign, unassign, unknown staff.
		if r := h.staffC.Post(path+"/assign", url.Values{"assignee": {itoa64(h.agent.ID)}}); r.Status != 303 {
			t.Errorf("assign: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.AssigneeID != h.agent.ID {
			t.Errorf("assignee %d", d.AssigneeID)
		}
		h.staffC.Post(path+"/assign", url.Values{"assignee": {""}})
		if d := staffTicket(t, h.env, h.ten.ID, id); d.AssigneeID != 0 {
			t.Errorf("still assigned to %d", d.AssigneeID)
		}
		if r := h.staffC.Post(path+"/assign", url.Values{"assignee": {"999999"}}); r.Status != 404 {
			t.Errorf("unknown staff: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/assign", url.Values{"assignee": {"x"}}); r.Status != 422 {
			t.Errorf("bad staff: %d", r.Status)
		}

		// Priority and category.
		var cat int64
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, _ ticket.Actor) error {
			var err error
			cat, err = ticket.SaveCategory(ctx, tx, h.ten.ID, ticket.Category{Name: "Hardware", Active: true})
			return err
		})
		if r := h.staffC.Post(path+"/details", url.Values{"priority": {"4"}, "category": {itoa64(cat)}}); r.Status != 303 {
			t.Errorf("details: %d %.300s", r.Status, r.Body)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.Priority != ticket.PriorityUrgent || d.CategoryID != cat {
			t.Errorf("details not saved: %d %d", d.Priority, d.CategoryID)
		}
		if r := h.staffC.Post(path+"/details", url.Values{"priority": {"9"}}); r.Status != 422 || !strings.Contains(r.Body, "Priorität aus der Liste") {
			t.Errorf("bad priority: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/details", url.Values{"priority": {"2"}, "category": {"999999"}}); r.Status != 404 {
			t.Errorf("unknown category: %d", r.Status)
		}
	})
}

// TestTicketsAdminDecide: accepting and declining a request (declining needs a
// reason), the contact is mailed and sees the outcome; deciding twice says so.
func TestTicketsAdminDecide(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		yes, no := h.open(t, h.acme, h.anna, "Install printer"), h.open(t, h.acme, h.anna, "Paint the office")
		pyes, pno := "/admin/tickets/"+itoa64(yes), "/admin/tickets/"+itoa64(no)
		if r := h.staffC.Get(pyes); !strings.Contains(r.Body, pyes+"/accept") || !strings.Contains(r.Body, pyes+"/decline") {
			t.Fatalf("no decision forms on a new request")
		}
		if r := h.staffC.Post(pyes+"/accept", nil); r.Status != 303 {
			t.Fatalf("accept: %d %.300s", r.Status, r.Body)
		}
		d := staffTicket(t, h.env, h.ten.ID, yes)
		if d.RequestState != ticket.RequestAccepted || d.Status.Code != ticket.CodeAccepted {
			t.Errorf("accepted: state %q, status %q", d.RequestState, d.Status.Code)
		}
		if langs := mailLangs(t, mailsFor(t, h.env, yes)); langs["anna@acme.test"] != "en" {
			t.Errorf("acceptance not mailed: %v", langs)
		}
		if r := h.staffC.Get(pyes); strings.Contains(r.Body, pyes+"/accept") {
			t.Errorf("decision forms after the decision")
		}
		// Deciding again (a colleague's stale page) is refused with a message.
		for _, action := range []string{"/accept", "/decline"} {
			r := h.staffC.Post(pyes+action, url.Values{"reason": {"too late"}})
			if r.Status != 303 || !strings.Contains(h.staffC.Get(pyes).Body, "bereits entschieden") {
				t.Errorf("second decision %s: %d", action, r.Status)
			}
		}
		if d := staffTicket(t, h.env, h.ten.ID, yes); d.RequestState != ticket.RequestAccepted {
			t.Errorf("second decision changed the state to %q", d.RequestState)
		}

		// Declining needs a reason, which is kept and shown to the contact.
		if r := h.staffC.Post(pno+"/decline", url.Values{"reason": {" "}}); r.Status != 422 || !strings.Contains(r.Body, "Bitte") {
			t.Errorf("decline without reason: %d", r.Status)
		}
		if r := h.staffC.Post(pno+"/decline", url.Values{"reason": {strings.Repeat("x", 1001)}}); r.Status != 422 {
			t.Errorf("decline with a long reason: %d", r.Status)
		}
		if r := h.staffC.Post(pno+"/decline", url.Values{"reason": {"We do not paint offices."}}); r.Status != 303 {
			t.Fatalf("decline: %d %.300s", r.Status, r.Body)
		}
		p := principal.Contact{TenantID: h.ten.ID, ContactID: h.anna.ID, CompanyID: h.acme.ID, Role: principal.RoleMain}
		tk, err := ticket.ForContact(context.Background(), h.env.DB, p, no)
		if err != nil {
			t.Fatal(err)
		}
		if tk.RequestState != ticket.RequestDeclined || tk.DecisionReason != "We do not paint offices." || tk.Status.Code != ticket.CodeDeclined {
			t.Errorf("contact sees %q %q %q", tk.RequestState, tk.DecisionReason, tk.Status.Code)
		}
		if n := len(mailsFor(t, h.env, no)); n != 1 {
			t.Errorf("decline mails: %d", n)
		}
		if r := h.staffC.Get(pno); !strings.Contains(r.Body, "We do not paint offices.") {
			t.Errorf("reason not on the ticket page")
		}
		// The pending filter no longer lists decided requests.
		if r := h.staffC.Get("/admin/tickets?pending=1&state=all"); listed(r.Body, yes) || listed(r.Body, no) {
			t.Errorf("decided requests still pending")
		}
	})
}

// TestTicketsAdminBilled: a billed ticket refuses replies, notes, status and detail
// changes with a clear message; staff remove the mark and can change it again.
func TestTicketsAdminBilled(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Printer jams")
		path := "/admin/tickets/" + itoa64(id)
		h.setStatus(t, id, ticket.CodeClosed) // only finished work is billed
		mailed := len(mailsFor(t, h.env, id))
		if r := h.staffC.Post(path+"/billed", url.Values{"billed": {"1"}}); r.Status != 303 {
			t.Fatalf("bill: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); !d.Billed {
			t.Fatal("not billed")
		}
		r := h.staffC.Get(path)
		if !strings.Contains(r.Body, "abgerechnet markiert und gesperrt") || strings.Contains(r.Body, path+"/reply") {
			t.Errorf("billed page: reply form shown or no message")
		}
		resolved := statusID(t, h.env, h.ten.ID, ticket.CodeResolved)
		for _, try := range []func() int{
			func() int {
				return h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "late reply"}).Status
			},
			func() int {
				return h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "note", "body": "late note"}).Status
			},
			func() int { return h.staffC.Post(path+"/status", url.Values{"status": {itoa64(resolved)}}).Status },
			func() int { return h.staffC.Post(path+"/details", url.Values{"priority": {"4"}}).Status },
		} {
			if s := try(); s != 303 || !strings.Contains(h.staffC.Get(path).Body, "Entfernen Sie zuerst die Markierung") {
				t.Errorf("change of a billed ticket: %d without the billed message", s)
			}
		}
		d := staffTicket(t, h.env, h.ten.ID, id)
		if len(d.Messages) != 1 || d.Status.Code != ticket.CodeClosed || d.Priority != ticket.PriorityNormal {
			t.Errorf("billed ticket changed: %d messages, %s, priority %d", len(d.Messages), d.Status.Code, d.Priority)
		}
		if n := len(mailsFor(t, h.env, id)); n != mailed {
			t.Errorf("billed ticket mailed: %d", n-mailed)
		}
		// Unbilled, it changes again.
		h.staffC.Post(path+"/billed", url.Values{"billed": {"0"}})
		if r := h.staffC.Post(path+"/status", url.Values{"status": {itoa64(resolved)}}); r.Status != 303 {
			t.Errorf("status after unbilling: %d", r.Status)
		}
		d = staffTicket(t, h.env, h.ten.ID, id)
		if d.Billed || d.Status.ID != resolved {
			t.Errorf("after unbilling: billed %v, status %d", d.Billed, d.Status.ID)
		}
		kinds := ""
		for _, e := range d.Events {
			kinds += e.Kind + " "
		}
		if kinds != "created status billed unbilled status " {
			t.Errorf("history: %q", kinds)
		}
	})
}
