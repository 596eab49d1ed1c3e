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

// TestTicketHiddenStatusStaysInternal: a status the tenant hides from the portal is
// never mailed to contacts and never named in the portal's history, while staff still
// see it on the ticket.
func TestTicketHiddenStatusStaysInternal(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		const secret = "Warten auf Lieferantenrechnung"
		hidden, err := ticket.SaveStatus(ctx, h.env.DB, h.ten.ID, ticket.Status{Name: secret, Kind: ticket.KindOpen,
			Position: 10, PortalVisible: false, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		id := h.open(t, h.acme, h.anna, "Rechnung fehlt")
		path := "/admin/tickets/" + itoa64(id)

		if r := h.staffC.Post(path+"/status", url.Values{"status": {itoa64(hidden)}}); r.Status != 303 {
			t.Fatalf("hidden status: %d %.300s", r.Status, r.Body)
		}
		for _, m := range mailsFor(t, h.env, id) {
			if strings.Contains(m, secret) {
				t.Fatalf("hidden status mailed: %.300s", m)
			}
		}
		// A reply with a move to the hidden status mails the reply, not the status.
		progress := statusID(t, h.env, h.ten.ID, ticket.CodeProgress)
		h.staffC.Post(path+"/status", url.Values{"status": {itoa64(progress)}})
		before := len(mailsFor(t, h.env, id))
		if r := h.staffC.PostMultipart(path+"/reply", map[string]string{"body": "Wir klären das.", "status": itoa64(hidden)}); r.Status != 303 {
			t.Fatalf("reply with hidden status: %d %.300s", r.Status, r.Body)
		}
		mails := mailsFor(t, h.env, id)
		if len(mails) != before+1 || strings.Contains(strings.Join(mails, "\n"), secret) {
			t.Fatalf("reply with hidden status: %d new mails %q", len(mails)-before, mails[before:])
		}
		h.staffC.Post(path+"/status", url.Values{"status": {itoa64(progress)}})

		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		page := anna.Get("/tickets/" + itoa64(id))
		if page.Status != 200 || strings.Contains(page.Body, secret) {
			t.Fatalf("portal page: %d, hidden status shown: %v", page.Status, strings.Contains(page.Body, secret))
		}
		if r := h.staffC.Get(path); !strings.Contains(r.Body, secret) {
			t.Fatal("staff no longer see the hidden status in the history")
		}
	})
}
