package server_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketUnfollowSelf: a user who stops following a colleague's ticket lands on the
// ticket list with the confirmation, not on the ticket they can no longer see; a main
// contact removing a follower stays on the ticket.
func TestTicketUnfollowSelf(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe, ula := d.as("uwe@alpha.test", "uwe-password-1"), d.as("ula@alpha.test", "ula-password-1")
		id := d.open(t, uwe, "Drucker")
		path := "/tickets/" + strconv.FormatInt(id, 10)
		follow := func() {
			t.Helper()
			if r := uwe.Post(path+"/followers", url.Values{"contact_id": {strconv.FormatInt(d.ula, 10)}}); r.Status != 303 {
				t.Fatalf("follow: %d", r.Status)
			}
		}
		follow()
		r := ula.Post(path+"/followers/"+strconv.FormatInt(d.ula, 10)+"/remove", nil)
		if r.Status != 303 || r.Location != "/tickets" {
			t.Fatalf("unfollow self: %d %q", r.Status, r.Location)
		}
		if list := ula.Get("/tickets"); !strings.Contains(list.Body, "Sie folgen dem Ticket nicht mehr") {
			t.Fatalf("no confirmation on the list: %.300s", list.Body)
		}

		follow()
		alice := d.as("alice@alpha.test", "alice-password")
		r = alice.Post(path+"/followers/"+strconv.FormatInt(d.ula, 10)+"/remove", nil)
		if r.Status != 303 || r.Location != path {
			t.Fatalf("main contact removes follower: %d %q", r.Status, r.Location)
		}
		if page := alice.Get(path); !strings.Contains(page.Body, "Der Beobachter wurde entfernt.") {
			t.Fatal("no confirmation on the ticket")
		}
	})
}
