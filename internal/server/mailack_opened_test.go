package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffOpenedTicketMail: a ticket the admin opens for Bernd in the back office
// reaches Bernd (German) as one opened for him, with its link, not as the thanks for a
// request of his own; the ticket Bernd opens in the portal keeps that confirmation.
func TestStaffOpenedTicketMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		r := h.staffC.Post("/admin/tickets", url.Values{"company_id": {itoa64(h.acme.ID)}, "contact_id": {itoa64(h.bernd.ID)},
			"title": {"Anruf: Scanner"}, "body": {"Bernd rief wegen des Scanners an."}, "priority": {"2"}})
		if r.Status != 303 {
			t.Fatalf("staff create: %d %.300s", r.Status, r.Body)
		}
		var id int64
		h.env.DB.QueryRow(t.Context(), `SELECT MAX(id) FROM tickets`).Scan(&id)
		m := ackMail(t, h, id, "bernd@acme.test")
		for _, want := range []string{"[#" + itoa64(id) + "] Wir haben ein Ticket für Sie eröffnet: Anruf: Scanner",
			"admin@hd.test hat das Ticket #" + itoa64(id) + " für Acme AG für Sie eröffnet.", "/tickets/" + itoa64(id)} {
			if !strings.Contains(m, want) {
				t.Errorf("staff-opened ticket's mail lacks %q: %.600s", want, m)
			}
		}
		if strings.Contains(m, "Wir haben Ihre Anfrage erhalten") || strings.Contains(m, "so schnell wie möglich") {
			t.Errorf("staff-opened ticket's mail thanks for a request: %.600s", m)
		}

		bernd := h.env.Client("hd.test")
		bernd.Login("bernd@acme.test", "bernd-password-1")
		if r := bernd.PostMultipart("/tickets", map[string]string{"title": "Drucker", "body": "kaputt", "priority": "2"}); r.Status != 303 {
			t.Fatalf("portal create: %d %.300s", r.Status, r.Body)
		}
		h.env.DB.QueryRow(t.Context(), `SELECT MAX(id) FROM tickets`).Scan(&id)
		if m := ackMail(t, h, id, "bernd@acme.test"); !strings.Contains(m, "[#"+itoa64(id)+"] Wir haben Ihre Anfrage erhalten: Drucker") ||
			strings.Contains(m, "für Sie eröffnet") {
			t.Errorf("own ticket's confirmation: %.600s", m)
		}
	})
}

// ackMail is the one mail about ticket id to addr.
func ackMail(t *testing.T, h *helpdesk, id int64, addr string) string {
	t.Helper()
	var out []string
	for _, m := range mailsFor(t, h.env, id) {
		if strings.HasPrefix(m, "To: "+addr+"\n") {
			out = append(out, m)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d mails to %s about #%d", len(out), addr, id)
	}
	return out[0]
}
