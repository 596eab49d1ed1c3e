package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// qa2Audits counts the audit entries of action.
func qa2Audits(t *testing.T, h *helpdesk, action string) int {
	t.Helper()
	var n int
	if err := h.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ?`, h.ten.ID, action).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTicketCorrections: staff correct a ticket's subject, move it to another contact
// of its company or to a contact of another company (which must belong to it), and
// the portal lists of both companies follow at once; each step is in the history,
// the moves in the audit log.
func TestTicketCorrections(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		tk := h.open(t, h.acme, h.anna, "Hilfe!!")
		path := "/admin/tickets/" + itoa64(tk)
		anna, bernd, clara := h.portal("anna@acme.test", "anna-password-1"), h.portal("bernd@acme.test", "bernd-password-1"), h.portal("clara@beta.test", "clara-password-1")
		anna.Get("/tickets") // the lists are cached from here on (list_versions)
		bernd.Get("/tickets")
		clara.Get("/tickets")

		if r := h.staffC.Post(path+"/subject", url.Values{"title": {"  "}}); r.Status != 422 || !strings.Contains(r.Body, `aria-invalid="true"`) {
			t.Errorf("empty subject: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/subject", url.Values{"title": {"Drucker im Lager druckt nicht"}}); r.Status != 303 {
			t.Fatalf("subject: %d %.300s", r.Status, r.Body)
		}
		d := staffTicket(t, h.env, h.ten.ID, tk)
		if d.Title != "Drucker im Lager druckt nicht" || !strings.Contains(anna.Get("/tickets").Body, "Drucker im Lager") {
			t.Errorf("subject not changed everywhere: %q", d.Title)
		}
		if !strings.Contains(h.staffC.Get("/admin/tickets?q=Lager").Body, `href="`+path+`"`) {
			t.Errorf("the queue search does not find the new subject")
		}

		// A colleague whose access was revoked could not see the ticket: no opener.
		rita := h.env.Contact(h.ten, "rita@acme.test", "rita-password-1", "user", h.acme)
		if _, err := h.env.DB.Exec(context.Background(), `UPDATE memberships SET access = 'revoked' WHERE contact_id = ?`, rita.ID); err != nil {
			t.Fatal(err)
		}
		if r := h.staffC.Post(path+"/move", url.Values{"contact": {itoa64(rita.ID)}}); r.Status != 422 ||
			!strings.Contains(r.Body, mergeWant("qa2_desk.error.not_member")) {
			t.Errorf("move to a revoked contact: %d, want 422", r.Status)
		}
		if r := h.staffC.Post(path+"/move", url.Values{"contact": {itoa64(h.bernd.ID)}}); r.Status != 303 {
			t.Fatalf("move to bernd: %d %.300s", r.Status, r.Body)
		}
		if !strings.Contains(bernd.Get("/tickets").Body, "Drucker im Lager") {
			t.Errorf("the new opener does not see the ticket")
		}

		if body := h.staffC.Get(path + "/move?cq=Beta").Body; !strings.Contains(body, `href="`+path+`/move?company=`+itoa64(h.beta.ID)+`"`) {
			t.Errorf("the move page does not find the company")
		}
		r := h.staffC.Post(path+"/move", url.Values{"company_id": {itoa64(h.beta.ID)}, "contact": {itoa64(h.bernd.ID)}})
		if r.Status != 422 || !strings.Contains(r.Body, mergeWant("qa2_desk.error.not_member")) {
			t.Errorf("move to a contact of another company: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/move", url.Values{"company_id": {itoa64(h.beta.ID)}, "contact": {itoa64(h.clara.ID)}}); r.Status != 303 {
			t.Fatalf("move to Beta: %d %.300s", r.Status, r.Body)
		}
		d = staffTicket(t, h.env, h.ten.ID, tk)
		if d.CompanyID != h.beta.ID || d.ContactID != h.clara.ID {
			t.Errorf("moved to %d/%d", d.CompanyID, d.ContactID)
		}
		if !strings.Contains(clara.Get("/tickets").Body, "Drucker im Lager") || strings.Contains(anna.Get("/tickets").Body, "Drucker im Lager") {
			t.Errorf("the portal lists do not follow the move")
		}
		if r := bernd.Get("/tickets/" + itoa64(tk)); r.Status != 404 {
			t.Errorf("the former opener still opens the moved ticket: %d", r.Status)
		}
		kinds := map[string]int{}
		for _, ev := range d.Events {
			kinds[ev.Kind]++
		}
		if kinds[ticket.EventRetitled] != 1 || kinds[ticket.EventMoved] != 2 || qa2Audits(t, h, "ticket_moved") != 2 {
			t.Errorf("history or audit incomplete: %v, %d audited", kinds, qa2Audits(t, h, "ticket_moved"))
		}
		if page := h.staffC.Get(path).Body; !strings.Contains(page, "Hilfe!!") {
			t.Errorf("the history does not tell the subject before")
		}
	})
}

// TestTicketFollowersStaff: staff add a contact of the ticket's company as follower
// and remove it again (audited); a contact of another company is refused, removing
// one who does not follow is a 404.
func TestTicketFollowersStaff(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		tk := h.open(t, h.acme, h.anna, "Follower test")
		path := "/admin/tickets/" + itoa64(tk)
		if page := h.staffC.Get(path).Body; !strings.Contains(page, `name="follower"`) {
			t.Fatalf("no follower form")
		}
		if r := h.staffC.Post(path+"/followers", url.Values{"follower": {itoa64(h.clara.ID)}}); r.Status != 422 || !strings.Contains(r.Body, mergeWant("qa2_desk.error.not_member")) {
			t.Errorf("follower of another company: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/followers", url.Values{"follower": {""}}); r.Status != 422 {
			t.Errorf("no follower chosen: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/followers", url.Values{"follower": {itoa64(h.bernd.ID)}}); r.Status != 303 {
			t.Fatalf("add follower: %d %.300s", r.Status, r.Body)
		}
		bernd := h.portal("bernd@acme.test", "bernd-password-1")
		if r := bernd.Get("/tickets/" + itoa64(tk)); r.Status != 200 {
			t.Errorf("the follower cannot open the ticket: %d", r.Status)
		}
		remove := path + "/followers/" + itoa64(h.bernd.ID) + "/remove"
		if r := h.staffC.Post(remove, nil); r.Status != 303 {
			t.Fatalf("remove follower: %d", r.Status)
		}
		if r := h.staffC.Post(remove, nil); r.Status != 404 {
			t.Errorf("removing one who does not follow: %d", r.Status)
		}
		if qa2Audits(t, h, "ticket_follower_added") != 1 || qa2Audits(t, h, "ticket_follower_removed") != 1 {
			t.Errorf("follower changes not audited")
		}
	})
}

// TestPortalFollowerRights: a user who only follows a colleague's ticket reads and
// answers it, but may not close, reopen or add followers (404, and not offered); the
// opener may.
func TestPortalFollowerRights(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.askRatings(t, false) // reopening allowed
		carl := h.env.Contact(h.ten, "carl@acme.test", "carl-password-1", "user", h.acme)
		tk := h.open(t, h.acme, h.anna, "Colleague's ticket")
		h.change(t, tk, func(ctx context.Context, tx *db.Tx, tt ticket.Ticket, by ticket.Actor) error {
			return ticket.Follow(ctx, tx, tt, h.bernd.ID, "Anna", h.anna.ID, 0, tt.CreatedAt)
		})
		path := "/tickets/" + itoa64(tk)
		bernd, anna := h.portal("bernd@acme.test", "bernd-password-1"), h.portal("anna@acme.test", "anna-password-1")
		page := bernd.Get(path)
		if page.Status != 200 || strings.Contains(page.Body, `action="`+path+`/close"`) || strings.Contains(page.Body, `name="contact_id"`) {
			t.Errorf("the follower is offered close or add follower: %d", page.Status)
		}
		if r := bernd.Post(path+"/close", nil); r.Status != 404 {
			t.Errorf("follower closes: %d", r.Status)
		}
		if r := bernd.Post(path+"/followers", url.Values{"contact_id": {itoa64(carl.ID)}}); r.Status != 404 {
			t.Errorf("follower adds a follower: %d", r.Status)
		}
		if r := bernd.PostMultipart(path+"/reply", map[string]string{"body": "Bei mir auch"}); r.Status != 303 {
			t.Errorf("follower replies: %d", r.Status)
		}
		h.setStatus(t, tk, ticket.CodeResolved)
		if page := bernd.Get(path).Body; strings.Contains(page, `action="`+path+`/reopen"`) {
			t.Errorf("the follower is offered reopen")
		}
		if r := bernd.Post(path+"/reopen", nil); r.Status != 404 {
			t.Errorf("follower reopens: %d", r.Status)
		}
		if r := bernd.PostMultipart(path+"/reply", map[string]string{"body": "Doch nicht", "reopen": "1"}); r.Status == 303 {
			t.Errorf("follower reopens with a reply")
		}
		if d := staffTicket(t, h.env, h.ten.ID, tk); !d.Done() || len(d.Followers) != 1 {
			t.Errorf("the follower changed the ticket: %s, %d followers", d.Status.Code, len(d.Followers))
		}
		if r := anna.Post(path+"/reopen", nil); r.Status != 303 {
			t.Errorf("opener reopens: %d", r.Status)
		}
		if r := anna.Post(path+"/followers", url.Values{"contact_id": {itoa64(carl.ID)}}); r.Status != 303 {
			t.Errorf("opener adds a follower: %d", r.Status)
		}
		if r := anna.Post(path+"/close", nil); r.Status != 303 {
			t.Errorf("opener closes: %d", r.Status)
		}
	})
}
