package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// colleagueOptions lists the contact ids the "Add a colleague" select offers.
func colleagueOptions(body string) []string {
	sel := regexp.MustCompile(`(?s)<select id="f-follower" name="contact_id" required>(.*?)</select>`).FindStringSubmatch(body)
	if sel == nil {
		return nil
	}
	var ids []string
	for _, m := range regexp.MustCompile(`<option value="(\d+)"`).FindAllStringSubmatch(sel[1], -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// TestTicketFollowSelf: "Add a colleague" never offers the reader themself. A main
// contact reading a colleague's ticket, which they neither opened nor follow, gets
// "Follow this ticket" instead; following, they see "Stop following", and stopping
// leaves them on the ticket (they still see it as main contact). The opener and a
// follower get no "Follow" button, and a billed ticket none either.
func TestTicketFollowSelf(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice, uwe := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")
		id := d.open(t, uwe, "Drucker von Uwe")
		path := "/tickets/" + itoa64(id)
		followSelf := `<input type="hidden" name="contact_id" value="` + itoa64(d.alice) + `">`
		unfollowSelf := `action="` + path + `/followers/` + itoa64(d.alice) + `/remove"`

		page := alice.Get(path).Body
		if got := colleagueOptions(page); strings.Join(got, ",") != itoa64(d.ula) {
			t.Errorf("main contact is offered %v as colleagues, want only Ula (%d)", got, d.ula)
		}
		if !strings.Contains(page, followSelf) || !strings.Contains(page, "Diesem Ticket folgen") || strings.Contains(page, unfollowSelf) {
			t.Fatalf("no follow button for a main contact on a colleague's ticket: %.3000s", page)
		}
		// The opener: neither themself in the list nor a follow button.
		own := uwe.Get(path).Body
		if got := colleagueOptions(own); strings.Join(got, ",") != strings.Join([]string{itoa64(d.alice), itoa64(d.ula)}, ",") &&
			strings.Join(got, ",") != strings.Join([]string{itoa64(d.ula), itoa64(d.alice)}, ",") {
			t.Errorf("opener is offered %v", got)
		}
		if strings.Contains(own, "Diesem Ticket folgen") || strings.Contains(own, "Nicht mehr folgen") {
			t.Error("opener offered to follow or unfollow their own ticket")
		}

		// Follow: confirmed in the reader's words, then "Stop following".
		if r := alice.Post(path+"/followers", url.Values{"contact_id": {itoa64(d.alice)}}); r.Status != 303 || r.Location != path {
			t.Fatalf("follow: %d %q", r.Status, r.Location)
		}
		page = alice.Get(path).Body
		if !strings.Contains(page, "Sie folgen dem Ticket nun und erhalten seine E-Mails.") {
			t.Errorf("no confirmation of following")
		}
		if strings.Count(page, unfollowSelf) != 1 || !strings.Contains(page, "Nicht mehr folgen") || strings.Contains(page, followSelf) {
			t.Errorf("follower has not exactly one unfollow button, or still a follow button")
		}
		if got := colleagueOptions(page); strings.Join(got, ",") != itoa64(d.ula) {
			t.Errorf("follower is offered %v", got)
		}
		detail := staffTicket(t, d.env, d.t.ID, id)
		if len(detail.Followers) != 1 || detail.Followers[0].ContactID != d.alice {
			t.Fatalf("followers after following: %+v", detail.Followers)
		}

		// A plain user whom a colleague added: "Stop following" too, once.
		if r := alice.Post(path+"/followers", url.Values{"contact_id": {itoa64(d.ula)}}); r.Status != 303 {
			t.Fatalf("add Ula: %d", r.Status)
		}
		ula := d.as("ula@alpha.test", "ula-password-1")
		ulaPage := ula.Get(path).Body
		if n := strings.Count(ulaPage, `action="`+path+`/followers/`+itoa64(d.ula)+`/remove"`); n != 1 || strings.Contains(ulaPage, "Diesem Ticket folgen") {
			t.Errorf("following user: %d unfollow buttons", n)
		}

		// Stop following: still on the ticket (a main contact sees it anyway).
		if r := alice.Post(path+"/followers/"+itoa64(d.alice)+"/remove", nil); r.Status != 303 || r.Location != path {
			t.Fatalf("unfollow: %d %q", r.Status, r.Location)
		}
		page = alice.Get(path).Body
		if !strings.Contains(page, "Sie folgen dem Ticket nicht mehr") || !strings.Contains(page, followSelf) {
			t.Errorf("after unfollowing: no confirmation or no follow button")
		}

		// A billed ticket takes no followers: no button that would only be refused.
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			return ticket.SetBilled(ctx, tx, tk, true, staffActor, now())
		})
		if page := alice.Get(path).Body; strings.Contains(page, followSelf) {
			t.Error("follow button on a billed ticket")
		}
	})
}
