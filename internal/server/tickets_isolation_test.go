package server_test

import (
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketIsolation walks every ticket route with a ticket of another company, of
// another tenant, and with a user's colleague's ticket: all are 404, and nothing changes.
func TestTicketIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		other := d.env.Tenant("Other", "other.test")
		oc := d.env.Company(other, "Fremd AG")
		d.env.Contact(other, "olga@fremd.test", "olga-password", "main", oc)
		olga := d.env.Client("other.test")
		olga.Login("olga@fremd.test", "olga-password")

		uwe, ula, bob := d.as("uwe@alpha.test", "uwe-password-1"), d.as("ula@alpha.test", "ula-password-1"), d.as("bob@beta.test", "bob-password-1")
		secret := d.open(t, uwe, "Geheimes Ticket", apptest.File{Field: "files", Name: "a.txt", Data: []byte("geheim")})
		var fileID int64
		d.env.DB.QueryRow(context.Background(), `SELECT id FROM ticket_attachments WHERE ticket_id = ?`, secret).Scan(&fileID)
		otherTicket := d.open(t, olga, "Fremdes Ticket", apptest.File{Field: "files", Name: "b.txt", Data: []byte("fremd")})
		var otherFile int64
		d.env.DB.QueryRow(context.Background(), `SELECT id FROM ticket_attachments WHERE ticket_id = ?`, otherTicket).Scan(&otherFile)
		before := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages`) + count(t, d.env, `SELECT COUNT(*) FROM ticket_events`)

		id := strconv.FormatInt(secret, 10)
		routes := func(id, file string) []struct{ method, path string } {
			return []struct{ method, path string }{
				{"GET", "/tickets/" + id}, {"POST", "/tickets/" + id + "/reply"}, {"POST", "/tickets/" + id + "/close"},
				{"POST", "/tickets/" + id + "/reopen"}, {"POST", "/tickets/" + id + "/followers"}, {"POST", "/tickets/" + id + "/rating"},
				{"GET", "/tickets/" + id + "/rating"},
				{"POST", "/tickets/" + id + "/followers/" + strconv.FormatInt(d.uwe, 10) + "/remove"},
				{"GET", "/tickets/" + id + "/files/" + file}, {"POST", "/tickets/" + id + "/switch"},
			}
		}
		for name, c := range map[string]*apptest.Client{"other company": bob, "other tenant": olga, "colleague user": ula} {
			for _, r := range routes(id, strconv.FormatInt(fileID, 10)) {
				var res apptest.Response
				if r.method == "GET" {
					res = c.Get(r.path)
				} else {
					res = c.PostMultipart(r.path, map[string]string{"body": "x", "contact_id": strconv.FormatInt(d.ula, 10),
						"company_id": strconv.FormatInt(d.a.ID, 10)})
				}
				if res.Status != 404 || strings.Contains(res.Body, "Geheimes Ticket") || strings.Contains(res.Body, "geheim") {
					t.Errorf("%s %s %s: %d", name, r.method, r.path, res.Status)
				}
			}
		}
		// The ticket's owner cannot reach another tenant's file through their own ticket.
		if r := uwe.Get("/tickets/" + id + "/files/" + strconv.FormatInt(otherFile, 10)); r.Status != 404 || bytes.Contains([]byte(r.Body), []byte("fremd")) {
			t.Errorf("foreign file through own ticket: %d", r.Status)
		}
		// Nor add a contact of another tenant as follower.
		var olgaID int64
		d.env.DB.QueryRow(context.Background(), `SELECT id FROM contacts WHERE email = 'olga@fremd.test'`).Scan(&olgaID)
		if r := uwe.Post("/tickets/"+id+"/followers", url.Values{"contact_id": {strconv.FormatInt(olgaID, 10)}}); r.Status != 404 {
			t.Errorf("foreign follower: %d", r.Status)
		}
		if after := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages`) + count(t, d.env, `SELECT COUNT(*) FROM ticket_events`); after != before {
			t.Errorf("foreign requests changed tickets: %d → %d", before, after)
		}
	})
}
