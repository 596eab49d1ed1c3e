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

// TestTicketsAdminRefusesHiddenChoices: what the back office's selects leave out is
// refused when posted anyway, with a message on the form: a deactivated colleague as
// assignee, a retired status (alone or with a reply, which then keeps its text), and
// retiring a built-in status the rules need. The portal's form refuses a category
// that is not a number.
func TestTicketsAdminRefusesHiddenChoices(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		id := h.open(t, h.acme, h.anna, "Drucker")
		path := "/admin/tickets/" + itoa64(id)

		h.env.DB.Exec(ctx, `UPDATE staff SET active = FALSE WHERE id = ?`, h.agent.ID)
		r := h.staffC.Post(path+"/assign", url.Values{"assignee": {itoa64(h.agent.ID)}})
		if r.Status != 422 || !strings.Contains(r.Body, "Diese Person wurde deaktiviert") {
			t.Errorf("inactive assignee: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.AssigneeID != 0 {
			t.Errorf("assigned to an inactive member: %d", d.AssigneeID)
		}

		retired, err := ticket.SaveStatus(ctx, h.env.DB, h.ten.ID, ticket.Status{Name: "Alt", Kind: ticket.KindOpen, Position: 9,
			PortalVisible: true, Active: false})
		if err != nil {
			t.Fatal(err)
		}
		r = h.staffC.Post(path+"/status", url.Values{"status": {itoa64(retired)}})
		if r.Status != 422 || !strings.Contains(r.Body, "Dieser Status wird nicht mehr verwendet") {
			t.Errorf("inactive status: %d", r.Status)
		}
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"body": "Antwort mit altem Status", "status": itoa64(retired)})
		if r.Status != 422 || !strings.Contains(r.Body, "Dieser Status wird nicht mehr verwendet") ||
			!strings.Contains(r.Body, "Antwort mit altem Status</textarea>") {
			t.Errorf("reply with inactive status: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.Status.ID == retired || len(d.Messages) != 1 {
			t.Errorf("inactive status taken: status %d, %d messages", d.Status.ID, len(d.Messages))
		}

		// The built-in "new" status stays active; a status the tenant added may retire.
		base := "/admin/settings/helpdesk/statuses/"
		newID := statusID(t, h.env, h.ten.ID, ticket.CodeNew)
		r = h.staffC.Post(base+itoa64(newID), url.Values{"name": {"Eingang"}, "position": {"1"}, "portal_visible": {"1"}})
		if r.Status != 422 || !strings.Contains(r.Body, "deshalb kann er nicht deaktiviert werden") || !strings.Contains(r.Body, `value="Eingang"`) {
			t.Errorf("deactivate new: %d", r.Status)
		}
		if s, _ := ticket.StatusByID(ctx, h.env.DB, h.ten.ID, newID); !s.Active || s.Name != "" {
			t.Errorf("new status changed: %+v", s)
		}
		if r := h.staffC.Get("/admin/settings/helpdesk"); !strings.Contains(r.Body, "Immer aktiv: Der Helpdesk braucht diesen Status.") {
			t.Error("settings page does not say the built-in status stays active")
		}
		if r := h.staffC.Post(base+itoa64(retired), url.Values{"name": {"Alt"}, "kind": {"open"}, "position": {"9"}}); r.Status != 303 {
			t.Errorf("retire own status: %d", r.Status)
		}

		// Portal: a category that is not a number is a field error.
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		r = anna.PostMultipart("/tickets", map[string]string{"title": "Titel", "body": "Text", "priority": "2", "category": "abc"})
		if r.Status != 422 || !strings.Contains(r.Body, "f-category") || !strings.Contains(r.Body, "error-msg") {
			t.Errorf("category abc: %d %.300s", r.Status, r.Body)
		}
	})
}
