package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// seedScale fills a tenant with n companies and 5n contacts (one membership each) using
// multi-row inserts, the way an ERP import would arrive.
func seedScale(b *testing.B, env *apptest.Env, t tenant.Tenant, n int) {
	ctx, now := context.Background(), time.Now().Unix()
	cities := []string{"Stuttgart", "München", "Berlin", "Hamburg", "Köln", "Leipzig", "Ulm", "Zürich"}
	err := env.DB.InTx(ctx, func(tx *db.Tx) error {
		for start := 0; start < n; start += 500 {
			var sb strings.Builder
			var args []any
			sb.WriteString(`INSERT INTO companies (tenant_id, name, customer_number, email_domains, city, search, created_at, updated_at) VALUES `)
			for i := start; i < min(start+500, n); i++ {
				if i > start {
					sb.WriteString(",")
				}
				sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?)")
				name := fmt.Sprintf("Firma %05d %s GmbH", i, cities[i%len(cities)])
				dom := fmt.Sprintf("firma%05d.de", i)
				num := fmt.Sprintf("K-%06d", i)
				args = append(args, t.ID, name, num, dom, cities[i%len(cities)],
					strings.ToLower(name+" "+num+" "+dom+" "+cities[i%len(cities)]), now, now)
			}
			if _, err := tx.Exec(ctx, sb.String(), args...); err != nil {
				return err
			}
		}
		for start := 0; start < 5*n; start += 500 {
			var sb strings.Builder
			var args []any
			sb.WriteString(`INSERT INTO contacts (tenant_id, first_name, last_name, email, search, created_at, updated_at) VALUES `)
			for i := start; i < min(start+500, 5*n); i++ {
				if i > start {
					sb.WriteString(",")
				}
				sb.WriteString("(?, ?, ?, ?, ?, ?, ?)")
				first, last := fmt.Sprintf("Vorname%d", i%97), fmt.Sprintf("Nachname%06d", i)
				email := fmt.Sprintf("p%06d@firma%05d.de", i, i/5)
				args = append(args, t.ID, first, last, email, strings.ToLower(first+" "+last+" "+email), now, now)
			}
			if _, err := tx.Exec(ctx, sb.String(), args...); err != nil {
				return err
			}
		}
		// Contact i belongs to company i/5; ids were handed out in insert order.
		var co0, ct0 int64
		if err := tx.QueryRow(ctx, `SELECT (SELECT MIN(id) FROM companies WHERE tenant_id = ?),
			(SELECT MIN(id) FROM contacts WHERE tenant_id = ?)`, t.ID, t.ID).Scan(&co0, &ct0); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO memberships (tenant_id, contact_id, company_id, role, access, created_at)
			SELECT ?, c.id, ? + (c.id - ?) / 5, 'user', 'active', ? FROM contacts c WHERE c.tenant_id = ?`,
			t.ID, co0, ct0, now, t.ID)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	// What autovacuum (PostgreSQL) and the janitor's PRAGMA optimize (SQLite) do after
	// a bulk import: give the planner statistics.
	if _, err := env.DB.Exec(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBackOfficeLists measures the back office's company and contact lists at
// 10,000 companies and 50,000 contacts, through the whole HTTP stack.
func BenchmarkBackOfficeLists(b *testing.B) {
	for _, e := range testutil.Engines(b) {
		env := apptest.Start(b, e)
		ten := env.Tenant("Scale GmbH")
		env.Staff(ten, staff.RoleAdmin, "bench@scale.test", "bench-password")
		seedScale(b, env, ten, 10000)
		c := env.Client("")
		c.AdminLogin("bench@scale.test", "bench-password")
		for _, path := range []string{
			"/admin/companies", "/admin/companies?page=150", "/admin/companies?q=firma+0421",
			"/admin/companies?q=z%C3%BCrich&page=20", "/admin/contacts", "/admin/contacts?page=900",
			"/admin/contacts?q=p004711", "/admin/companies/5000",
		} {
			b.Run(string(e)+" "+path, func(b *testing.B) {
				for b.Loop() {
					if r := c.Get(path); r.Status != 200 {
						b.Fatalf("%s: %d", path, r.Status)
					}
				}
			})
		}
	}
}
