package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestColleagueInvitationInInviterLanguage: a main contact who reads the portal in
// French invites a new colleague: the invitation goes out in French (not the portal's
// German default), and the new contact keeps French until they choose another.
func TestColleagueInvitationInInviterLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		if r := c.Post("/settings/language", url.Values{"language": {"fr"}}); r.Status != 303 {
			t.Fatalf("language: %d", r.Status)
		}
		if r := c.Post("/colleagues", url.Values{"first_name": {"Nouveau"}, "last_name": {"Collègue"}, "email": {"neu@kunde.test"},
			"role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		subject, _ := lastMailTo(t, env, "neu@kunde.test")
		if !strings.Contains(subject, "portail client") {
			t.Errorf("invitation subject %q, want French", subject)
		}
		ct, err := contact.ByEmail(context.Background(), env.DB, ten.ID, "neu@kunde.test")
		if err != nil || ct.Language != "fr" {
			t.Errorf("new colleague's language %q (%v), want fr", ct.Language, err)
		}
	})
}
