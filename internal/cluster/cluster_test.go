package cluster

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/auth"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestMigrationsDoNotCollide starts two processes at the same moment on an empty schema:
// both become ready, every migration is recorded once, and there is one default tenant.
func TestMigrationsDoNotCollide(t *testing.T) {
	dsn, _ := testutil.DSN(t, db.Postgres)
	smtp := testutil.StartSMTP(t)
	a, b := newInstance(t, "instance 1", dsn, smtp.URL()), newInstance(t, "instance 2", dsn, smtp.URL())
	start := time.Now()
	startAll(t, a, b)
	waitReady(t, a, b)
	t.Logf("both ready after %v", time.Since(start).Round(time.Millisecond))

	d := openDB(t, dsn)
	ctx := context.Background()
	rows, err := d.Query(ctx, `SELECT version_id, COUNT(*) FROM goose_db_version GROUP BY version_id HAVING COUNT(*) > 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var version, n int64
		if err := rows.Scan(&version, &n); err != nil {
			t.Fatal(err)
		}
		t.Errorf("migration %d recorded %d times in goose_db_version", version, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM tenants`); n != 1 {
		t.Errorf("tenants: %d rows, want exactly 1 (the default tenant)", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM tenants WHERE is_default`); n != 1 {
		t.Errorf("default tenants: %d, want 1", n)
	}
	links := 0
	for _, in := range []*instance{a, b} {
		if strings.Contains(in.stdout.String(), "/admin/setup/") {
			links++
		}
	}
	t.Logf("setup link printed by %d of 2 instances", links)
	if links == 0 {
		t.Error("neither instance printed a setup link (/admin/setup/) on stdout")
	}
}

// TestSessionAcrossInstances logs in on one instance, uses the session on the other,
// logs out there, and checks that the first instance no longer accepts the cookie.
func TestSessionAcrossInstances(t *testing.T) {
	dsn, _ := testutil.DSN(t, db.Postgres)
	smtp := testutil.StartSMTP(t)
	one, two := pair(t, dsn, smtp.URL())
	d := openDB(t, dsn)
	const email, pw, companyName = "kim@cluster.test", "cluster-password-1", "Cluster Haustechnik GmbH"
	seedContact(t, d, email, pw, companyName)

	br := newBrowser(t)
	r := br.do(t, "POST", one.URL+"/login", url.Values{"email": {email}, "password": {pw}}, nil)
	if r.Status != 303 || r.Location != "/" {
		t.Fatalf("login on instance 1: status %d location %q, want 303 to /; body %.300s", r.Status, r.Location, r.Body)
	}
	session := br.cookie(one.URL, web.PortalCookie)
	if session == nil || session.Value == "" {
		t.Fatalf("login on instance 1 set no %s cookie", web.PortalCookie)
	}

	r = br.do(t, "GET", two.URL+"/", nil, nil)
	if r.Status != 200 {
		t.Fatalf("GET / on instance 2 with instance 1's session: status %d location %q, want 200", r.Status, r.Location)
	}
	if !strings.Contains(r.Body, companyName) {
		t.Errorf("home page on instance 2 does not show %q; body %.500s", companyName, r.Body)
	}

	r = br.do(t, "POST", two.URL+"/logout", url.Values{}, nil)
	if r.Status != 303 || r.Location != "/login" {
		t.Fatalf("logout on instance 2: status %d location %q, want 303 to /login", r.Status, r.Location)
	}
	// The jar dropped the cookie on logout; send the old value explicitly.
	r = newBrowser(t).do(t, "GET", one.URL+"/", nil, session)
	if r.Status != 303 || r.Location != "/login" {
		t.Errorf("GET / on instance 1 after logout on instance 2: status %d location %q, want 303 to /login", r.Status, r.Location)
	}
}

// seedContact creates, in the default tenant, a company and a contact with password pw
// and active portal access to it.
func seedContact(t *testing.T, d *db.DB, email, pw, companyName string) {
	t.Helper()
	ctx, now := context.Background(), time.Now()
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		t.Fatalf("default tenant: %v", err)
	}
	co, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: companyName}, now)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := contact.Create(ctx, d, contact.Contact{TenantID: ten.ID, FirstName: "Kim", LastName: "Cluster",
		Email: email, PasswordHash: hash}, i18n.Languages, now)
	if err != nil {
		t.Fatal(err)
	}
	mid, err := contact.AddMembership(ctx, d, ten.ID, ct.ID, co.ID, "main", now)
	if err != nil {
		t.Fatal(err)
	}
	if err := contact.SetAccess(ctx, d, ten.ID, mid, "", contact.AccessActive, now); err != nil {
		t.Fatal(err)
	}
}

// openDB opens the test's own connection to the processes' database.
func openDB(t *testing.T, dsn string) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// count runs a query returning one number.
func count(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
