// Package cluster holds tests that run two real `pforte serve` processes on one
// PostgreSQL database: concurrent migrations, sessions shared between instances, and
// the mail queue delivering every message exactly once. The package has no code of its
// own; the tests skip unless PFORTE_TEST_POSTGRES is set (and fail then under
// PFORTE_REQUIRE_ALL=1).
package cluster
