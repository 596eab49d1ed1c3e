package server_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestEndedSessionNotRevived: a request that read the session just before a demotion
// ended it writes its touch afterwards; the session stays ended (no touch revives it).
func TestEndedSessionNotRevived(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		mueller := env.Company(ten, "Müller Haustechnik GmbH")
		bob := env.Contact(ten, "bob@mueller.test", "bob-password-1", "main", mueller)
		env.Contact(ten, "anna@mueller.test", "anna-password-1", "main", mueller)
		ctx := context.Background()
		b := env.Client("")
		b.Login("bob@mueller.test", "bob-password-1")
		raw := b.Cookie(web.PortalCookie)
		// Bob's last request was two minutes ago: his next one writes its touch.
		if _, err := env.DB.Exec(ctx, `UPDATE sessions SET last_seen_at = last_seen_at - 120 WHERE contact_id = ?`, bob.ID); err != nil {
			t.Fatal(err)
		}
		ms, _ := contact.MembershipsOfContact(ctx, env.DB, ten.ID, bob.ID)
		inTx, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
		go func() { // the demotion (access.changeRole), held open
			done <- env.DB.InTx(ctx, func(tx *db.Tx) error {
				if err := contact.SetAccess(ctx, tx, ten.ID, ms[0].ID, "user", contact.AccessActive, time.Now()); err != nil {
					return err
				}
				if err := session.EndForContactCompany(ctx, tx, ten.ID, bob.ID, mueller.ID); err != nil {
					return err
				}
				close(inTx)
				<-release
				return nil
			})
		}()
		<-inTx
		looked := make(chan error)
		go func() { // bob's request in flight: read before the commit, touch after it
			_, _, _, err := session.LookupContact(ctx, env.DB, ten.ID, raw, time.Now())
			looked <- err
		}()
		time.Sleep(500 * time.Millisecond)
		close(release)
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		t.Logf("in-flight lookup: %v", <-looked)
		if _, _, _, err := session.LookupContact(ctx, env.DB, ten.ID, raw, time.Now()); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("the ended session is accepted again after the demotion: %v", err)
		}
		if r := b.Get("/"); r.Status != 303 {
			t.Errorf("bob's next page after the demotion: %d, want the login page", r.Status)
		}
	})
}
