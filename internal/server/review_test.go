package server_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestOldLinksStopWorking: a resent invitation, a revocation and a changed email address
// each cancel links sent before.
func TestOldLinksStopWorking(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "max@typo.test", "", "user", co)
		m := memberships(t, env, ten.ID, ct.ID)[0]
		ctx := context.Background()
		grant := func() string {
			// The last link is older than the pause between invitations.
			env.DB.Exec(ctx, `UPDATE tokens SET created_at = created_at - 3600`)
			if err := env.App.Access.Grant(ctx, ten, actor, m, "user", "http://x"); err != nil {
				t.Fatal(err)
			}
			var text string
			env.DB.QueryRow(ctx, `SELECT text_body FROM mails ORDER BY id DESC LIMIT 1`).Scan(&text)
			return linkIn(t, text)
		}
		pw := url.Values{"password": {"a long password"}, "password_confirm": {"a long password"}}
		first := grant()
		second := grant()
		if r := env.Client("").Get(first); r.Status != 410 {
			t.Errorf("first link after resend: %d", r.Status)
		}
		// Email corrected by staff: the link to the old address dies.
		fixed := ct
		fixed.Email = "max@kunde.test"
		if err := env.App.Access.UpdateContact(ctx, ten, actor, fixed, "http://portal.test"); err != nil {
			t.Fatal(err)
		}
		if r := env.Client("").Post(second, pw); r.Status != 410 {
			t.Errorf("link to the old address after email change: %d", r.Status)
		}
		third := grant()
		if err := env.App.Access.Revoke(ctx, ten, actor, m); err != nil {
			t.Fatal(err)
		}
		if r := env.Client("").Post(third, pw); r.Status != 410 {
			t.Errorf("link after revocation: %d", r.Status)
		}
		var n int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_changed'`).Scan(&n)
		if n != 1 {
			t.Errorf("email change not audited")
		}
		ms, _ := contact.MembershipsOfContact(ctx, env.DB, ten.ID, ct.ID)
		if ms[0].Access != contact.AccessRevoked {
			t.Errorf("access %q", ms[0].Access)
		}
	})
}

// TestParallelGuesses: guesses sent in parallel cannot all slip under the limit.
func TestParallelGuesses(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "target@kunde.test", "right-password", "user", co)
		var wg sync.WaitGroup
		var mu sync.Mutex
		checked := 0
		for range 20 {
			wg.Go(func() {
				_, _, err := env.App.Access.ContactLogin(context.Background(), ten.ID, "target@kunde.test", "guess-guess", access.Client{IP: "10.0.0.1"})
				if errors.Is(err, access.ErrInvalidLogin) {
					mu.Lock()
					checked++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if checked > 5+2 { // the two cores may interleave a count and an insert
			t.Errorf("%d of 20 parallel guesses were checked", checked)
		}
		// The burst locks out the client that sent it, not the owner elsewhere.
		if _, _, err := env.App.Access.ContactLogin(context.Background(), ten.ID, "target@kunde.test", "right-password", access.Client{IP: "10.0.0.1"}); !errors.Is(err, access.ErrThrottled) {
			t.Errorf("after the burst, from its client: %v", err)
		}
		if _, _, err := env.App.Access.ContactLogin(context.Background(), ten.ID, "target@kunde.test", "right-password", access.Client{IP: "10.0.0.2"}); err != nil {
			t.Errorf("after the burst, from another client: %v", err)
		}
	})
}

// TestUnstorableInput: NUL bytes and invalid UTF-8 get a clear message, not a 500.
func TestUnstorableInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		env.Tenant("Service GmbH")
		c := env.Client("")
		for _, bad := range []string{"a\x00b@x.test", "\xff\xfe@x.test"} {
			r := c.Post("/login", url.Values{"email": {bad}, "password": {"whatever-pw"}})
			if r.Status != 422 || !strings.Contains(r.Body, "nicht gelesen werden") {
				t.Errorf("login with %q: %d", bad, r.Status)
			}
		}
		if r := c.Get("/admin/companies?q=%00%ff"); r.Status != 303 {
			t.Errorf("search with bad bytes (logged out): %d", r.Status)
		}
	})
}

// TestSweep removes what is expired and keeps what is live.
func TestSweep(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "live@kunde.test", "live-password", "user", co)
		c := env.Client("")
		c.Login("live@kunde.test", "live-password")
		ctx := context.Background()
		env.DB.Exec(ctx, `INSERT INTO sessions (token_hash, tenant_id, created_at, last_seen_at, expires_at) VALUES ('old', ?, 1, 1, 2)`, ten.ID)
		for _, at := range []int64{time.Now().Add(-25 * time.Hour).Unix(), time.Now().Unix()} {
			if _, err := env.DB.Exec(ctx, `INSERT INTO reset_requests (tenant_id, email, origin, created_at) VALUES (?, 'x@kunde.test', '', ?)`, ten.ID, at); err != nil {
				t.Fatal(err)
			}
			// The back office's requests keep the address typed and the IP as well.
			if _, err := env.DB.Exec(ctx, `INSERT INTO staff_reset_requests (tenant_id, email, ip, origin, created_at) VALUES (?, 'y@kunde.test', '192.0.2.7', '', ?)`, ten.ID, at); err != nil {
				t.Fatal(err)
			}
		}
		env.App.Sweep(ctx, time.Now())
		var n, resets, staffResets int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM sessions`).Scan(&n)
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM reset_requests`).Scan(&resets)
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM staff_reset_requests`).Scan(&staffResets)
		if n != 1 || c.Get("/").Status != 200 || resets != 1 || staffResets != 1 {
			t.Errorf("after sweep: %d sessions, %d reset requests, %d staff reset requests", n, resets, staffResets)
		}
	})
}

// TestStaffInvitationResend: a resent staff invitation replaces the earlier link, and the
// new staff member sets a password and lands in the back office.
func TestStaffInvitationResend(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, "admin", "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		if r := c.Post("/admin/staff", url.Values{"name": {"Neu"}, "email": {"neu@service.test"}, "role": {"agent"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "neu@service.test")
		first := linkIn(t, text)
		var staffID int64
		env.DB.QueryRow(context.Background(), `SELECT id FROM staff WHERE email = 'neu@service.test'`).Scan(&staffID)
		if r := c.Post("/admin/staff/"+id(staffID)+"/resend", nil); r.Status != 303 {
			t.Fatalf("resend: %d", r.Status)
		}
		deadline := time.Now().Add(5 * time.Second)
		var second string
		for second == "" || second == first {
			if time.Now().After(deadline) {
				t.Fatal("no second invitation")
			}
			_, text = lastMailTo(t, env, "neu@service.test")
			second = linkIn(t, text)
		}
		n := env.Client("")
		if r := n.Get(first); r.Status != 410 {
			t.Errorf("first link after resend: %d", r.Status)
		}
		if r := n.Post(second, url.Values{"password": {"new-staff-pw"}, "password_confirm": {"new-staff-pw"}}); r.Status != 303 {
			t.Fatalf("accept: %d", r.Status)
		}
		if r := n.Get("/admin/"); r.Status != 200 {
			t.Errorf("new staff member not logged in: %d", r.Status)
		}
		if r := c.Post("/admin/staff/"+id(staffID)+"/resend", nil); r.Status != 303 || !strings.Contains(c.Get("/admin/staff").Body, "bereits festgelegt") {
			t.Errorf("resend after password set: %d", r.Status)
		}
	})
}
