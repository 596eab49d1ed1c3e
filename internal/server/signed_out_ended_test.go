package server_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestEndedSessionRefused: a session ended by a change of access keeps its row for the
// login page, but no lookup takes it and the account page lists it no more; the
// janitor sweeps it once it would have idled out. A main contact made a user is
// signed out with the neutral words: the company is still theirs.
func TestEndedSessionRefused(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		mueller := env.Company(ten, "Müller Haustechnik GmbH")
		env.Contact(ten, "anna@mueller.test", "anna-password-1", "main", mueller)
		bob := env.Contact(ten, "bob@mueller.test", "bob-password-1", "main", mueller)
		ctx := context.Background()

		b := env.Client("")
		b.Login("bob@mueller.test", "bob-password-1")
		raw := b.Cookie(web.PortalCookie)
		anna := env.Client("")
		anna.Login("anna@mueller.test", "anna-password-1")
		ms, err := contact.MembershipsOfContact(ctx, env.DB, ten.ID, bob.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("bob's memberships: %v %d", err, len(ms))
		}
		if r := anna.Post("/colleagues/"+id(ms[0].ID)+"/role", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("making bob a user: %d", r.Status)
		}
		if _, err := session.Lookup(ctx, env.DB, ten.ID, raw, time.Now()); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Lookup takes the ended session: %v", err)
		}
		if list, err := session.ListActive(ctx, env.DB, session.Owner{TenantID: ten.ID, ContactID: bob.ID}, 0, time.Now()); err != nil || len(list) != 0 {
			t.Errorf("the account page lists %d ended sessions (%v)", len(list), err)
		}
		r := b.Get("/tickets")
		page := b.Get(r.Location).Body
		if r.Status != 303 || !strings.Contains(page, deMsg("signed_out.ended_notice")) || strings.Contains(page, "Müller") {
			t.Errorf("bob made a user: %d, want the neutral notice naming no company", r.Status)
		}

		// Revoked: the row stays, refused, until it would have idled out.
		c := env.Client("")
		c.Login("bob@mueller.test", "bob-password-1")
		raw = c.Cookie(web.PortalCookie)
		if err := contact.SetAccess(ctx, env.DB, ten.ID, ms[0].ID, "", contact.AccessRevoked, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := session.EndForContactCompany(ctx, env.DB, ten.ID, bob.ID, mueller.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := session.LookupContact(ctx, env.DB, ten.ID, raw, time.Now()); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("LookupContact takes the ended session: %v", err)
		}
		bobs := `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`
		env.App.Sweep(ctx, time.Now())
		if n := countOf(t, env, bobs, bob.ID); n != 1 {
			t.Errorf("%d rows of bob's ended session after a sweep, want it kept", n)
		}
		env.App.Sweep(ctx, time.Now().Add(session.IdleTimeout+time.Minute))
		if n := countOf(t, env, bobs, bob.ID); n != 0 {
			t.Errorf("%d rows of bob's ended session once it would have idled out, want none", n)
		}
	})
}
