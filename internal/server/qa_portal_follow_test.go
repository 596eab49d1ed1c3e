package server_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestFollowCardTellsMutedMail: a follower who switched off mail about followed tickets
// is not told that the ticket's mails reach them — neither by the thanks for following
// nor by the followers card, which says why not and leads to the settings. With the
// mails on, both say as before that they come.
func TestFollowCardTellsMutedMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "uwe@kunde.test", "uwe-password-1", "user", co)
		boss := env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		uwe, chefin := env.Client(""), env.Client("")
		uwe.Login("uwe@kunde.test", "uwe-password-1")
		chefin.Login("chefin@kunde.test", "boss-password")
		open := func(title string) string {
			t.Helper()
			r := uwe.PostMultipart("/tickets", map[string]string{"title": title, "body": "Bitte helfen.", "priority": "2"})
			if r.Status != 303 {
				t.Fatalf("open %q: %d", title, r.Status)
			}
			return strings.TrimSuffix(r.Location, "#")
		}
		const (
			comes  = "Sie folgen dem Ticket nun und erhalten seine E-Mails."
			card   = "Sie folgen diesem Ticket und erhalten seine E-Mails."
			muted  = "Seine E-Mails erhalten Sie nicht, da Sie E-Mails zu Tickets, denen Sie folgen, abgeschaltet haben."
			change = `href="/settings/notifications"`
		)
		follow := func(path string) string {
			t.Helper()
			r := chefin.Post(path+"/followers", url.Values{"contact_id": {strconv.FormatInt(boss.ID, 10)}})
			if r.Status != 303 {
				t.Fatalf("follow %s: %d", path, r.Status)
			}
			return chefin.Get(r.Location).Body
		}

		page := follow(open("Mit E-Mails"))
		if !strings.Contains(page, comes) || !strings.Contains(page, card) || strings.Contains(page, muted) {
			t.Errorf("mails on: thanks and card do not say the mails come")
		}

		if err := contact.SetNotifications(ctx, env.DB, ten.ID, boss.ID, contact.Notifications{Own: true}); err != nil {
			t.Fatal(err)
		}
		page = follow(open("Ohne E-Mails"))
		if strings.Contains(page, comes) || strings.Contains(page, card) {
			t.Errorf("mails off: the page still says the ticket's mails come")
		}
		if strings.Count(page, muted) != 2 || !strings.Contains(page, change) {
			t.Errorf("mails off: thanks and card do not say why no mails come (%d), or no way to the settings", strings.Count(page, muted))
		}
	})
}
