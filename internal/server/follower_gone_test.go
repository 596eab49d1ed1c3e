package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestFollowerWithoutAccess: a follower whose access to the ticket's company is
// revoked is no longer mailed about the ticket (notify.go), so the portal's follower
// list stops naming them and the back office marks them; restored access follows again.
func TestFollowerWithoutAccess(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		id := h.open(t, h.acme, h.anna, "Drucker")
		path := "/admin/tickets/" + itoa64(id)
		if r := h.staffC.Post(path+"/followers", url.Values{"follower": {itoa64(h.bernd.ID)}}); r.Status != 303 {
			t.Fatalf("add follower: %d", r.Status)
		}
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		followers := func(body, from string) string {
			i := strings.Index(body, from)
			if i < 0 {
				t.Fatalf("no followers card (%s)", from)
			}
			return body[i : i+strings.Index(body[i:], "</section>")]
		}
		setAccess := func(access string) {
			if _, err := h.env.DB.Exec(ctx, `UPDATE memberships SET access = ? WHERE contact_id = ? AND company_id = ?`,
				access, h.bernd.ID, h.acme.ID); err != nil {
				t.Fatal(err)
			}
		}
		const gone = "Kein Portalzugang: erhält keine Mails zu diesem Ticket"

		if card := followers(anna.Get("/tickets/"+itoa64(id)).Body, `id="fol-h"`); !strings.Contains(card, "bernd@acme.test") {
			t.Errorf("portal does not list the follower: %s", card)
		}
		setAccess("revoked")
		if card := followers(anna.Get("/tickets/"+itoa64(id)).Body, `id="fol-h"`); strings.Contains(card, "bernd@acme.test") {
			t.Errorf("portal lists a follower without access: %s", card)
		}
		if card := followers(h.staffC.Get(path).Body, `id="fol-h"`); !strings.Contains(card, "bernd@acme.test") || !strings.Contains(card, gone) {
			t.Errorf("back office does not mark the follower without access: %s", card)
		}
		setAccess("active")
		if card := followers(h.staffC.Get(path).Body, `id="fol-h"`); !strings.Contains(card, "bernd@acme.test") || strings.Contains(card, gone) {
			t.Errorf("restored follower: %s", card)
		}
		if card := followers(anna.Get("/tickets/"+itoa64(id)).Body, `id="fol-h"`); !strings.Contains(card, "bernd@acme.test") {
			t.Errorf("portal does not list the restored follower: %s", card)
		}
	})
}
