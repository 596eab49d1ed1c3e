// Package benchdb gives benchmarks a database full of tickets: either one that
// `pforte demo --scale N` filled (PFORTE_BENCH_DATA, an SQLite data directory, or
// PFORTE_BENCH_DATABASE_URL, a PostgreSQL URL), or a fresh one the scale generator fills
// while the benchmark sets up. It is a package of its own, not part of testutil, because
// it needs the demo and scale packages, which in-package tests of their dependencies
// could not import through testutil without a cycle.
package benchdb

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/scale"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// Tickets is how many tickets a fresh benchmark database gets: 100,000, or
// PFORTE_BENCH_TICKETS.
func Tickets() int {
	if n, err := strconv.Atoi(os.Getenv("PFORTE_BENCH_TICKETS")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// Engines lists the engines to benchmark: the test suite's, plus PostgreSQL when
// PFORTE_BENCH_DATABASE_URL names a filled database even without PFORTE_TEST_POSTGRES.
func Engines(b testing.TB) []db.Engine {
	engines := testutil.Engines(b)
	if os.Getenv("PFORTE_BENCH_DATABASE_URL") != "" && !slices.Contains(engines, db.Postgres) {
		engines = append(engines, db.Postgres)
	}
	return engines
}

// Open returns the database to benchmark on engine e and its default tenant. A filled
// database named by the environment is migrated first, as `pforte serve` would; else a
// fresh one gets the demo tenant and n tickets from the scale generator (seed 1, so runs
// compare).
func Open(b testing.TB, e db.Engine, n int) (*db.DB, tenant.Tenant) {
	b.Helper()
	ctx := context.Background()
	dir, url := os.Getenv("PFORTE_BENCH_DATA"), os.Getenv("PFORTE_BENCH_DATABASE_URL")
	var d *db.DB
	var err error
	switch {
	case e == db.SQLite && dir != "":
		d, err = db.Open(ctx, "", dir)
	case e == db.Postgres && url != "":
		d, err = db.Open(ctx, url, "")
	default:
		return fill(b, e, n)
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	start := time.Now()
	if err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: migrated in %s", e, time.Since(start).Round(time.Millisecond))
	return d, defaultTenant(b, d)
}

// fill makes a fresh database with the demo tenant and n generated tickets.
func fill(b testing.TB, e db.Engine, n int) (*db.DB, tenant.Tenant) {
	ctx := context.Background()
	d := testutil.Open(b, e)
	if _, err := demo.Load(ctx, d, time.Now()); err != nil {
		b.Fatal(err)
	}
	ten := defaultTenant(b, d)
	if _, err := scale.Run(ctx, d, ten.ID, scale.Options{Tickets: n, Password: "x", Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return d, ten
}

func defaultTenant(b testing.TB, d *db.DB) tenant.Tenant {
	ten, err := tenant.Default(context.Background(), d)
	if err != nil {
		b.Fatal(err)
	}
	return ten
}

// Explain reports whether a benchmark should log its queries' plans
// (PFORTE_BENCH_EXPLAIN=1; run with -v).
func Explain() bool { return os.Getenv("PFORTE_BENCH_EXPLAIN") == "1" }
