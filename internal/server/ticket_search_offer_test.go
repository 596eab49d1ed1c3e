package server_test

import (
	"html"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketSearchOfferWording: a search that finds nothing offers the same search over
// every ticket in words that fit what it adds: resolved and closed tickets to a search
// among the open ones, open ones to a search among the resolved and closed (it offered
// "resolved and closed ones too" there as well); none when every ticket was searched,
// in the portal and in the back office, where a ticket number searches every state.
func TestTicketSearchOfferWording(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.open(t, h.acme, h.bernd, "Drucker druckt nicht")
		bernd := h.portal("bernd@acme.test", "bernd-password-1") // German
		toDone, toOpen, any := deMsg("ticket_search.all_states"), deMsg("ticket_search.all_states_open"), deMsg("ticket_search.all_states_any")
		for _, c := range []struct{ path, want string }{
			{"/tickets?q=Schutzfolie", toDone},
			{"/tickets?q=Schutzfolie&state=open", toDone},
			{"/tickets?q=Schutzfolie&state=done", toOpen},
			{"/tickets?q=Schutzfolie&state=all", ""},
		} {
			body := bernd.Get(c.path).Body
			for _, label := range []string{toDone, toOpen, any} {
				if shown := strings.Contains(body, ">"+label+"</a>"); shown != (label == c.want) {
					t.Errorf("%s: offer %q shown %v, want only %q", c.path, html.UnescapeString(label), shown, html.UnescapeString(c.want))
				}
			}
			if c.want != "" && !strings.Contains(body, `state=all`) {
				t.Errorf("%s: the offer does not lead to every ticket", c.path)
			}
		}
		// The back office: a ticket number found nothing among every ticket already.
		if body := h.staffC.Get("/admin/tickets?q=%2399999&state=open").Body; strings.Contains(body, ">"+toDone+"</a>") ||
			strings.Contains(body, ">"+any+"</a>") || strings.Contains(body, ">"+toOpen+"</a>") {
			t.Errorf("back office: a ticket number that found nothing offers to search every ticket")
		}
		if body := h.staffC.Get("/admin/tickets?q=Schutzfolie&state=done").Body; !strings.Contains(body, ">"+toOpen+"</a>") {
			t.Errorf("back office: a search among the done tickets does not offer the open ones")
		}
	})
}
